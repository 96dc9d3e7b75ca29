package dev.valbox.env.control;

import dev.valbox.database.control.DataDirectory;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's secrets key, loaded at boot so that a bad key stops the start instead of the first run. It comes from
 * {@code valbox.secrets.key} when set (required when several instances share one database), else from
 * {@code ${valbox.data}/secrets.key}, generated on the first start.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Secrets {

    public static final String KEY_FILE = "secrets.key";

    @Inject
    @ConfigProperty(name = "valbox.secrets.key")
    Optional<String> configuredKey;

    @Inject
    DataDirectory dataDirectory;

    private SecretBox box;

    /** Whether the key comes from {@code valbox.secrets.key} rather than a file in this instance's data directory. */
    public boolean keyConfigured() {
        return configuredKey.isPresent();
    }

    @PostConstruct
    void load() {
        box = new SecretBox(configuredKey
                .map(text -> KeyFile.decode(text, "valbox.secrets.key"))
                .orElseGet(() -> KeyFile.readOrCreate(dataDirectory.path().resolve(KEY_FILE))));
    }

    public SecretBox box() {
        return box;
    }
}
