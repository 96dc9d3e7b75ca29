package dev.valbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The REST API, compatible with Val Town's API v1, served on the site hosts only. MP-JWT installs MicroProfile JWT,
 * which verifies val tokens; {@link dev.valbox.tokens.boundary.ValTokenMechanism} keeps it away from everything else.
 */
@ApplicationPath("v1")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT")
@OpenAPIDefinition(
        info = @Info(title = "Valbox API", version = "1", description = "Compatible with the Val Town REST API v1."))
public class ValboxApplication extends Application {}
