package dev.valbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/** The REST API, compatible with Val Town's API v1, served on the site hosts only. */
@ApplicationPath("v1")
@ApplicationScoped
@OpenAPIDefinition(
        info = @Info(title = "Valbox API", version = "1", description = "Compatible with the Val Town REST API v1."))
public class ValboxApplication extends Application {}
