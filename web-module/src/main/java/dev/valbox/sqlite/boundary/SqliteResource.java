package dev.valbox.sqlite.boundary;

import dev.valbox.accounts.boundary.CurrentCaller;
import dev.valbox.sqlite.control.Sqlite;
import dev.valbox.sqlite.control.SqliteJson;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Val Town's SQLite API: statements on the caller's own database, answered as libSQL {@code ResultSet}s. */
@Path("sqlite")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SqliteResource {

    @Inject
    Sqlite sqlite;

    @Inject
    CurrentCaller caller;

    @POST
    @Path("execute")
    public JsonObject execute(JsonObject body) {
        return SqliteJson.result(sqlite.execute(caller.get(), SqliteJson.execute(body)));
    }

    @POST
    @Path("batch")
    public JsonArray batch(JsonObject body) {
        var batch = SqliteJson.batch(body);
        return SqliteJson.results(sqlite.batch(caller.get(), batch.statements(), batch.mode()));
    }
}
