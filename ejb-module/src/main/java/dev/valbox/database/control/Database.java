package dev.valbox.database.control;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;

/**
 * Declares the data source from MicroProfile Config. The driver is picked from the URL by {@link UrlDataSource}, so an
 * operator sets only {@code VALBOX_DB_URL}, {@code VALBOX_DB_USER} and {@code VALBOX_DB_PASSWORD}.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/valbox",
        className = "dev.valbox.database.control.UrlDataSource",
        url = "${MPCONFIG=valbox.db.url}",
        user = "${MPCONFIG=valbox.db.user}",
        password = "${MPCONFIG=valbox.db.password}",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
@Startup
public class Database {}
