package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.json.JsonObject;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5 email, outbound: {@code POST /v1/email} and std/email deliver through SMTP (a GreenMail on the port the IT
 * server is configured with) from the server's address in the author's name, only to the author unless the operator
 * allows more, and {@code GET /v1/email} lists what was sent. Also std/fetch and the global fetch from a real val.
 */
class EmailIT extends SignedUpValbox {

    private static final String SENDER = "valbox@valbox.test";

    GreenMail mail;

    @BeforeEach
    void startMailboxes() {
        mail = Mailboxes.start();
    }

    @AfterEach
    void stopMail() {
        mail.stop();
    }

    private Api token(String... scopes) {
        return Accounts.token(api, alice, scopes);
    }

    private List<MimeMessage> received() {
        return Arrays.asList(mail.getReceivedMessages());
    }

    private List<JsonObject> listed(Api as) {
        var reply = as.get("/v1/email");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    @Test
    void restSendArrivesAsAskedFromTheServersAddressInTheAuthorsName() throws Exception {
        var body = json("{'to':'" + alice.email() + "','subject':'Report','text':'plain words',"
                + "'html':'<b>rich words</b>','replyToList':[{'name':'Desk','email':'desk@elsewhere.test'}]}");
        var sent = asAlice.post("/v1/email", body);
        assertEquals(200, sent.status(), sent::toString);
        assertEquals("{\"message\":\"Email sent\"}", sent.body());

        assertEquals(1, received().size());
        var message = received().get(0);
        assertEquals("Report", message.getSubject());
        assertEquals(
                alice.username() + " <" + SENDER + ">", ((InternetAddress) message.getFrom()[0]).toUnicodeString());
        assertEquals("Desk <desk@elsewhere.test>", ((InternetAddress) message.getReplyTo()[0]).toUnicodeString());
        assertEquals(alice.email(), ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress());
        var content = GreenMailUtil.getBody(message);
        assertTrue(content.contains("plain words") && content.contains("<b>rich words</b>"), content);

        var page = asAlice.get("/v1/email?offset=0&limit=20");
        assertEquals(200, page.status(), page::toString);
        var links = page.object().getJsonObject("links");
        assertEquals(api.base() + "v1/email?offset=0&limit=20", links.getString("self"));
        assertFalse(links.containsKey("next"), page::toString);
        var listed = page.object().getJsonArray("data").getJsonObject(0);
        assertEquals("sent", listed.getString("status"));
        assertEquals("Report", listed.getString("subject"));
        assertEquals("plain words", listed.getString("text"));
        assertEquals("<b>rich words</b>", listed.getString("html"));
        assertEquals(List.of(alice.email()), listed.getJsonArray("to").getValuesAs(jakarta.json.JsonString::getString));
        assertEquals(alice.username() + " <" + SENDER + ">", listed.getString("from"));
        assertEquals(
                "Desk <desk@elsewhere.test>", listed.getJsonArray("replyTo").getString(0));
    }

    @Test
    void toDefaultsToTheAuthorsOwnAddressAndTheListIsPaged() {
        for (var subject : List.of("first", "second")) {
            var sent = asAlice.post("/v1/email", json("{'subject':'" + subject + "','text':'hello'}"));
            assertEquals(200, sent.status(), sent::toString);
        }
        assertEquals(2, received().size());
        assertTrue(mail.getUserManager().getUserByEmail(alice.email()) != null, "the mail went to the author");

        var first = asAlice.get("/v1/email?offset=0&limit=1");
        assertEquals(200, first.status(), first::toString);
        assertEquals(
                "second", first.object().getJsonArray("data").getJsonObject(0).getString("subject"));
        assertEquals(
                api.base() + "v1/email?offset=1&limit=1",
                first.object().getJsonObject("links").getString("next"));
        // Another user sees none of it.
        var bob = Accounts.signup(api, "bob");
        assertEquals(List.of(), listed(bob.api(api)));
    }

    @Test
    void aValSendsThroughStdEmailAsItsAuthor() {
        var code =
                """
                import { email } from "https://esm.town/v/std/email";
                export default async function () {
                  return await email({ subject: "From a val", text: "sent by code", replyTo: "help@elsewhere.test" });
                }
                """;
        Accounts.createVal(api, alice, "mailer", "public", code);
        var run = api.post("/v1/run/" + alice.username() + ".mailer", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        assertEquals("{\"message\":\"Email sent\"}", run.body());

        assertEquals(1, received().size());
        var message = received().get(0);
        try {
            assertEquals("From a val", message.getSubject());
            assertEquals(
                    alice.username() + " <" + SENDER + ">", ((InternetAddress) message.getFrom()[0]).toUnicodeString());
            assertEquals("help@elsewhere.test", ((InternetAddress) message.getReplyTo()[0]).getAddress());
            assertEquals(alice.email(), ((InternetAddress) message.getRecipients(RecipientType.TO)[0]).getAddress());
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
        assertEquals("From a val", listed(asAlice).get(0).getString("subject"));
    }

    @Test
    void sendingNeedsEmailWriteAndListingEmailReadOnBothPaths() {
        var body = json("{'subject':'denied','text':'x'}");
        var readOnly = token("email:read");
        var refused = readOnly.post("/v1/email", body);
        assertProblem(refused, 403, "forbidden", null);
        assertTrue(refused.object().getString("detail").contains("'email:write'"), refused::toString);
        var writeOnly = token("email:write");
        var unlisted = writeOnly.get("/v1/email");
        assertProblem(unlisted, 403, "forbidden", null);
        assertTrue(unlisted.object().getString("detail").contains("'email:read'"), unlisted::toString);
        assertProblem(api.post("/v1/email", body), 401, "unauthenticated", null);
        assertProblem(api.get("/v1/email"), 401, "unauthenticated", null);

        // A val whose token lacks email:write gets an error it can catch, naming the scope.
        var code =
                """
                import { email } from "https://esm.town/v/std/email";
                export default async function () {
                  try { await email({ subject: "denied", text: "x" }); return "sent"; }
                  catch (e) { return [e.name, e.message]; }
                }
                """;
        var id = Accounts.createVal(api, alice, "narrow", "public", code);
        var scoped = asAlice.put("/v1/vals/" + id, "{\"scopes\":[\"email:read\",\"val:read\"]}");
        assertEquals(204, scoped.status(), scoped::toString);
        var run = api.post("/v1/run/" + alice.username() + ".narrow", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        var answer = run.json().asJsonArray();
        assertEquals("PermissionError", answer.getString(0), run::toString);
        assertTrue(answer.getString(1).startsWith("Token does not have the required permissions."), run::toString);
        assertTrue(answer.getString(1).contains("'email:write'"), run::toString);

        assertEquals(List.of(), received());
        assertEquals(List.of(), listed(asAlice));
    }

    @Test
    void mailToAnyoneButTheAuthorIsRefusedNamingTheField() {
        for (var field : List.of("to", "cc", "bcc")) {
            var refused = asAlice.post(
                    "/v1/email",
                    json("{'" + field + "':['" + alice.email() + "','someone@elsewhere.test'],'text':'x'}"));
            assertProblem(refused, 403, "forbidden", field);
            assertTrue(refused.object().getString("detail").contains("someone@elsewhere.test"), refused::toString);
        }
        var code =
                """
                import { email } from "https://esm.town/v/std/email";
                export default () => email({ to: "someone@elsewhere.test", text: "x" }).then(() => "sent", e => e.message);
                """;
        Accounts.createVal(api, alice, "relay", "public", code);
        var run = api.post("/v1/run/" + alice.username() + ".relay", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        assertTrue(run.body().contains("only sends mail to your own address"), run::toString);

        assertEquals(List.of(), received());
        assertEquals(List.of(), listed(asAlice));
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsSentOrStored() {
        var cases = List.of(
                List.of("to", "{'to':'not an address'}"),
                List.of("to", "{'to':'a@example.com, b@example.com'}"),
                List.of("cc[0]", "{'cc':['x@example.com\\r\\nBcc: y@example.com']}"),
                List.of("subject", "{'subject':'" + "s".repeat(999) + "'}"),
                List.of("subject", "{'subject':'two\\r\\nlines'}"),
                List.of("text", "{'text':42}"),
                List.of("from", "{'from':'ceo@bank.example','text':'x'}"),
                List.of("replyToList", "{'replyToList':[{'name':'No address'}]}"),
                List.of("attachments[0].content", "{'attachments':[{'filename':'a.txt','content':'%%%'}]}"),
                List.of("headers", "{'headers':{'X-Priority':'1'}}"));
        for (var c : cases) {
            var refused = asAlice.post("/v1/email", json(c.get(1)));
            var field = c.get(0).equals("replyToList") ? "replyToList[0].email" : c.get(0);
            assertProblem(refused, 400, "invalid", field);
        }
        assertProblem(asAlice.post("/v1/email", "[1]"), 400, "invalid", "body");
        assertEquals(List.of(), received());
        assertEquals(List.of(), listed(asAlice));
    }

    @Test
    void aFromOfTheServersOwnAddressIsAccepted() {
        var sent = asAlice.post("/v1/email", json("{'from':{'name':'Alice','email':'" + SENDER + "'},'text':'x'}"));
        assertEquals(200, sent.status(), sent::toString);
        assertEquals(1, received().size());
    }

    @Test
    void anUnreachableMailServerIs503AndNothingIsStored() {
        mail.stop();
        var refused = asAlice.post("/v1/email", json("{'subject':'lost','text':'x'}"));
        assertProblem(refused, 503, "unavailable", null);
        assertEquals(
                "The email was not sent: the mail server could not be reached. Nothing was sent; try again later.",
                refused.object().getString("detail"));
        mail = Mailboxes.start();
        assertEquals(List.of(), listed(asAlice));
    }

    @Test
    void fetchFromAValToLoopbackOrLinkLocalAddressesIsRefused() {
        int port = deployed.getPort();
        var code =
                """
                import { fetch as stdFetch } from "https://esm.town/v/std/fetch";
                import { API_URL } from "https://esm.town/v/std/API_URL";
                const outcome = (p: Promise<Response>) => p.then(r => "fetched " + r.status, e => e.message);
                export default async function () {
                  const urls = ["http://127.0.0.1:PORT/v1/me", "http://localhost:PORT/v1/me", "http://169.254.169.254/"];
                  const results: string[] = [API_URL];
                  for (const u of urls) results.push(await outcome(stdFetch(u)), await outcome(fetch(u)));
                  return results;
                }
                """
                        .replace("PORT", String.valueOf(port));
        Accounts.createVal(api, alice, "prober", "public", code);
        var run = api.post("/v1/run/" + alice.username() + ".prober", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        var loopback = "fetch failed: fetch to 127.0.0.1 is not allowed (loopback address)";
        var localhost = "fetch failed: fetch to localhost (127.0.0.1) is not allowed (loopback address)";
        var metadata = "fetch failed: fetch to 169.254.169.254 is not allowed (link-local address)";
        var results = run.json().asJsonArray().getValuesAs(jakarta.json.JsonString::getString);
        assertEquals(
                List.of("http://localhost:8080", loopback, loopback, localhost, localhost, metadata, metadata),
                results,
                run::toString);
    }
}
