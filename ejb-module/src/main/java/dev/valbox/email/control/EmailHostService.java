package dev.valbox.email.control;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.accounts.control.Caller;
import dev.valbox.execution.control.HostService;
import dev.valbox.problems.entity.InvalidInputException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;

/**
 * std/email in vals: {@code email.send} takes {@code POST /v1/email}'s body and answers its {@code {message}}, through
 * the same {@link Emails#send} with the run's caller (the val's author, the val token's scopes).
 */
@ApplicationScoped
public class EmailHostService implements HostService {

    @Inject
    Emails emails;

    @Override
    public String name() {
        return "email";
    }

    @Override
    public JsonValue call(Caller caller, String operation, JsonValue args) {
        if (!operation.equals("send")) {
            throw new InvalidInputException("service", "there is no email." + operation);
        }
        if (args.getValueType() != JsonValue.ValueType.OBJECT) {
            throw new InvalidInputException("args", "email takes an object {to, subject, text, html, ...}");
        }
        var sent = emails.send(caller, OutgoingEmail.from(args.asJsonObject()));
        return JSON.createObjectBuilder()
                .add("message", sent.status().message())
                .build();
    }
}
