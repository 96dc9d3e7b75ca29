package dev.valbox.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** std:email over the real framed protocol: the one host call it makes, and how the server's answers reach the val. */
class StdEmailTest {

    private static final String STD = "https://esm.town/v/std/email";

    private PipedWorker worker;

    @BeforeEach
    void start() throws IOException {
        worker = new PipedWorker();
    }

    @AfterEach
    void stop() throws IOException {
        worker.close();
    }

    private void run(String id, String source) {
        worker.run(
                id,
                Vals.module("val:" + id, "import { email } from '" + STD + "';\n" + source, Map.of(STD, "std:email")));
    }

    @Test
    void emailSendsTheApiBodyAndAnswersTheServersMessage() throws IOException {
        run(
                "e1",
                "export default () => email({ subject: 'Hi', text: 'Hello', html: '<b>Hello</b>', to: ['me@example.com'],"
                        + " cc: { name: 'Me', email: 'me@example.com' }, replyTo: 'other@example.com', bcc: undefined,"
                        + " attachments: [{ filename: 'a.txt', content: btoa('abc'), type: 'text/plain' }] })");
        Map<String, Object> call = worker.read();
        assertEquals("call", call.get("op"));
        assertEquals("email.send", call.get("service"));
        assertEquals(
                Map.of(
                        "subject", "Hi",
                        "text", "Hello",
                        "html", "<b>Hello</b>",
                        "to", List.of("me@example.com"),
                        "cc", Map.of("name", "Me", "email", "me@example.com"),
                        "replyTo", "other@example.com",
                        "attachments", List.of(Map.of("filename", "a.txt", "content", "YWJj", "type", "text/plain"))),
                call.get("args"));
        worker.answer(call, Map.of("message", "Email sent"));
        Map<String, Object> result = worker.read();
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals(Map.of("message", "Email sent"), result.get("value"));
    }

    @Test
    void aRefusalIsACatchableErrorWithTheServersWords() throws IOException {
        run(
                "e2",
                "export default async () => { try { await email({ text: 'x' }); return 'sent'; }"
                        + " catch (e) { return [e instanceof Error, e.name, e.message]; } }");
        Map<String, Object> call = worker.read();
        worker.fail(
                call,
                "PermissionError",
                "Token does not have the required permissions. This request needs the 'email:write' scope.");
        Map<String, Object> result = worker.read();
        assertEquals("ok", result.get("status"), result::toString);
        assertEquals(
                List.of(
                        true,
                        "PermissionError",
                        "Token does not have the required permissions. This request needs the 'email:write' scope."),
                result.get("value"));
    }

    @Test
    void optionsThatAreNotAnObjectAreRefusedWithoutAHostCall() throws IOException {
        run(
                "e3",
                "export default () => Promise.all([null, 'me@example.com', []].map(o =>"
                        + " email(o as any).then(() => 'sent', e => e.name + ': ' + e.message)))");
        Map<String, Object> result = worker.read();
        assertEquals("result", result.get("op"), "no host call was made: " + result);
        assertEquals(
                List.of(
                        "TypeError: email takes an object: { to?, subject?, text?, html?, ... }",
                        "TypeError: email takes an object: { to?, subject?, text?, html?, ... }",
                        "TypeError: email takes an object: { to?, subject?, text?, html?, ... }"),
                result.get("value"));
    }
}
