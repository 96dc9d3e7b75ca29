package dev.valbox.sqlite.control;

import dev.valbox.accounts.control.Caller;
import dev.valbox.execution.control.HostService;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * {@code std/sqlite} in vals: {@code sqlite.execute} and {@code sqlite.batch} take the REST API's bodies and answer
 * its results, through the same {@link Sqlite} bean with the run's caller (the val's author, the val token's scopes).
 */
@ApplicationScoped
public class SqliteHostService implements HostService {

    @Inject
    Sqlite sqlite;

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public JsonValue call(Caller caller, String operation, JsonValue args) {
        if (args.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("args", "sqlite." + operation + " takes an object");
        }
        var body = args.asJsonObject();
        return switch (operation) {
            case "execute" -> SqliteJson.result(sqlite.execute(caller, SqliteJson.execute(body)));
            case "batch" -> {
                var batch = SqliteJson.batch(body);
                yield SqliteJson.results(sqlite.batch(caller, batch.statements(), batch.mode()));
            }
            default -> throw new InvalidInputException("service", "there is no sqlite." + operation);
        };
    }
}
