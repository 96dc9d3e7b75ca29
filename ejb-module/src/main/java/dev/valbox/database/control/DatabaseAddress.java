package dev.valbox.database.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the database is, for code that opens a connection of its own (a cluster member's LISTEN connection) or needs to
 * know what kind of database it is. The data source itself ({@link Database}) is defined from the same keys.
 */
@ApplicationScoped
public class DatabaseAddress {

    @Inject
    @ConfigProperty(name = "valbox.db.url")
    String url;

    @Inject
    @ConfigProperty(name = "valbox.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "valbox.db.password")
    String password;

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }
}
