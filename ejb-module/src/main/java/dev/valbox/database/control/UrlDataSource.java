package dev.valbox.database.control;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that chooses the vendor driver from the JDBC URL, so H2 and PostgreSQL are one configuration away
 * from each other. The application server's pool sets url, user and password through the setters and pools the
 * connections this hands out.
 */
public class UrlDataSource implements DataSource {

    private String url;
    private String user;
    private String password;
    private volatile DataSource vendor;

    public void setUrl(String url) {
        this.url = url;
        this.vendor = null;
    }

    public void setURL(String url) {
        setUrl(url);
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
        this.vendor = null;
    }

    public String getUser() {
        return user;
    }

    public void setPassword(String password) {
        this.password = password;
        this.vendor = null;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return vendor().getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return vendor().getConnection(username, password);
    }

    private DataSource vendor() throws SQLException {
        var current = vendor;
        if (current == null) {
            current = vendor = create();
        }
        return current;
    }

    private DataSource create() throws SQLException {
        if (url == null || url.isBlank()) {
            throw new SQLException("valbox.db.url is not set");
        }
        if (url.startsWith("jdbc:postgresql:")) {
            var pg = new org.postgresql.ds.PGSimpleDataSource();
            pg.setUrl(url);
            pg.setUser(user);
            pg.setPassword(password);
            // EclipseLink binds a null UUID foreign key as VARCHAR; let the server infer the parameter's type.
            pg.setStringType("unspecified");
            return pg;
        }
        if (url.startsWith("jdbc:h2:")) {
            var h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user);
            h2.setPassword(password);
            return h2;
        }
        throw new SQLException("valbox.db.url must be a jdbc:h2: or jdbc:postgresql: URL");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper for " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
