package dev.valbox.it;

import static dev.valbox.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMail;
import dev.valbox.it.Accounts.Account;
import jakarta.activation.DataHandler;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What comes in from outside without a user's request: mail to email vals over SMTP (SPEC §8), with a real SMTP
 * client (Jakarta Mail) and raw conversations, and GitHub's secret scanning reports (SPEC §2), signed with a key pair
 * this test generates and lists in the key file the server reads ({@code it.secret-scanning.keys-file}).
 */
class InboundIT extends DeployedValbox {

    private static final String DOMAIN = "mail.valbox.test";
    private static final String RECORDING_VAL =
            """
            export default function (email: any) {
              return {
                from: email.from, to: email.to, cc: email.cc, subject: email.subject, text: email.text,
                html: email.html ?? "none",
                attachments: email.attachments.map((a) => ({ filename: a.filename, type: a.type, text: atob(a.content) })),
              };
            }
            """;

    /** GitHub's key for this run; its identifier, as GitHub's, is the SHA-256 of the PEM text. */
    private static KeyPair github;

    private static String githubKeyId;

    Account alice;

    @BeforeAll
    static void publishGithubsKey() throws Exception {
        github = keyPair();
        var pem = pem(github);
        githubKeyId = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(pem.getBytes(StandardCharsets.UTF_8)));
        var file = Path.of(System.getProperty("it.secret-scanning.keys-file"));
        Files.createDirectories(file.getParent());
        Files.writeString(
                file,
                Json.createObjectBuilder()
                        .add(
                                "public_keys",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("key_identifier", githubKeyId)
                                                .add("key", pem)
                                                .add("is_current", true)))
                        .build()
                        .toString());
    }

    @BeforeEach
    void signUp() {
        alice = Accounts.signup(api, "alice");
    }

    // ---- email vals ----

    private String createVal(String name, String type, String privacy, String code) {
        var reply = api.token(alice.token())
                .post(
                        "/v1/vals",
                        Json.createObjectBuilder()
                                .add("name", name)
                                .add("type", type)
                                .add("privacy", privacy)
                                .add("code", code)
                                .build()
                                .toString());
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getString("id");
    }

    private String address(String valName) {
        return alice.username() + "." + valName + "@" + DOMAIN;
    }

    private static Session client() {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(inboundPort()));
        properties.put("mail.smtp.timeout", "60000");
        return Session.getInstance(properties);
    }

    private static int inboundPort() {
        return Integer.getInteger("it.inbound.smtp.port");
    }

    private List<JsonObject> evaluations(String valId) {
        var reply = api.token(alice.token()).get("/v1/vals/" + valId + "/evaluations");
        assertEquals(200, reply.status(), reply::toString);
        return reply.object().getJsonArray("data").getValuesAs(JsonObject.class);
    }

    private MimeMessage invoiceTo(String to) throws MessagingException, IOException {
        var message = new MimeMessage(client());
        message.setFrom(new InternetAddress("zoe@example.com"));
        message.setRecipients(MimeMessage.RecipientType.TO, to);
        message.setRecipients(MimeMessage.RecipientType.CC, "carol@example.com");
        message.setSubject("Invoice 7", "UTF-8");
        var mixed = new MimeMultipart("mixed");
        var body = new MimeBodyPart();
        body.setText("Total: 42", "UTF-8");
        mixed.addBodyPart(body);
        var csv = new MimeBodyPart();
        csv.setDataHandler(new DataHandler(new ByteArrayDataSource("item,price\nwidget,42\n", "text/csv")));
        csv.setFileName("invoice.csv");
        mixed.addBodyPart(csv);
        message.setContent(mixed);
        return message;
    }

    /** Hands the mail over for {@code to} only, as a sending server does for the recipients this server handles. */
    private static void send(MimeMessage message, String to) throws MessagingException {
        Transport.send(message, new Address[] {new InternetAddress(to)});
    }

    @Test
    void aMailRunsTheEmailValWithItsFieldsWhateverItsPrivacy() throws Exception {
        var id = createVal("invoices", "email", "private", RECORDING_VAL);
        send(invoiceTo(address("Invoices")), address("Invoices"));

        var runs = evaluations(id);
        assertEquals(1, runs.size(), runs::toString);
        var run = runs.get(0);
        assertEquals("email", run.getString("trigger"));
        assertEquals("ok", run.getString("status"), run::toString);
        var seen = run.getJsonObject("returnValue");
        assertEquals("zoe@example.com", seen.getString("from"));
        assertEquals(List.of(address("Invoices")), seen.getJsonArray("to").getValuesAs(JsonString::getString));
        assertEquals(List.of("carol@example.com"), seen.getJsonArray("cc").getValuesAs(JsonString::getString));
        assertEquals("Invoice 7", seen.getString("subject"));
        assertEquals("Total: 42", seen.getString("text"));
        assertEquals("none", seen.getString("html"));
        var attachment = seen.getJsonArray("attachments").getJsonObject(0);
        assertEquals("invoice.csv", attachment.getString("filename"));
        assertEquals("text/csv", attachment.getString("type"));
        // A text part travels in MIME's canonical form, with CRLF line ends.
        assertEquals("item,price\r\nwidget,42\r\n", attachment.getString("text"));
    }

    @Test
    void aValThatFailsStillTakesTheMailAndItsEvaluationSaysWhy() throws Exception {
        var id = createVal("broken", "email", "public", "export default () => { throw new Error('no thanks'); }");
        send(invoiceTo(address("broken")), address("broken"));
        var run = evaluations(id).get(0);
        assertEquals("error", run.getString("status"));
        assertTrue(run.getJsonObject("error").getString("message").contains("no thanks"), run::toString);
    }

    @Test
    void unknownAddressesAndValsOfOtherTypesAreRefusedAtRcptAndNothingRuns() throws Exception {
        var scriptId = createVal("notmail", "script", "public", RECORDING_VAL);
        for (var to : List.of(address("notmail"), address("nosuchval"), "nobody_x.inbox@" + DOMAIN)) {
            var e = assertThrows(SendFailedException.class, () -> send(invoiceTo(to), to), to);
            assertEquals(1, e.getInvalidAddresses().length, to);
        }
        try (var smtp = new Conversation()) {
            smtp.expect("220");
            smtp.say("HELO client.example.com").expect("250");
            smtp.say("MAIL FROM:<zoe@example.com>").expect("250");
            smtp.say("RCPT TO:<" + address("notmail") + ">").expect("550 5.1.1");
            smtp.say("RCPT TO:<" + alice.username() + ".notmail@elsewhere.test>")
                    .expect("550 5.1.1");
        }
        assertEquals(List.of(), evaluations(scriptId));
    }

    @Test
    void anOversizeMailIsRefusedAndNothingRuns() throws Exception {
        var id = createVal("big", "email", "public", RECORDING_VAL);
        var message = invoiceTo(address("big"));
        var mixed = (MimeMultipart) message.getContent();
        var large = new MimeBodyPart();
        // valbox.email.max-mb is 1 on the IT server.
        large.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[1_200_000], "application/octet-stream")));
        large.setFileName("large.bin");
        mixed.addBodyPart(large);
        message.setContent(mixed);
        var e = assertThrows(MessagingException.class, () -> send(message, address("big")));
        assertTrue(
                e.getMessage().contains("552")
                        || String.valueOf(e.getNextException()).contains("552"),
                e::toString);
        assertEquals(List.of(), evaluations(id));
    }

    @Test
    void abusiveConnectionsAreCutAndTheListenerServesOn() throws Exception {
        var id = createVal("survivor", "email", "public", RECORDING_VAL);
        try (var smtp = new Conversation()) {
            smtp.expect("220");
            smtp.raw(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, '\r', '\n'});
            smtp.expect("501");
        }
        try (var smtp = new Conversation()) {
            smtp.expect("220");
            smtp.say("HELO " + "x".repeat(5000)).expect("501");
        }
        try (var smtp = new Conversation()) {
            smtp.expect("220");
            var flood = new StringBuilder("HELO client.example.com\r\nMAIL FROM:<zoe@example.com>\r\n");
            for (int i = 0; i < 500; i++) {
                flood.append("RCPT TO:<nobody")
                        .append(i)
                        .append(".x@")
                        .append(DOMAIN)
                        .append(">\r\n");
            }
            try {
                smtp.raw(flood.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException closedWhileWriting) {
                // The server may hang up before the client has written it all.
            }
            smtp.expect("250");
            smtp.expect("250");
            String reply;
            do {
                reply = smtp.reply();
            } while (reply.startsWith("550"));
            assertTrue(reply.startsWith("421"), reply);
        }
        send(invoiceTo(address("survivor")), address("survivor"));
        assertEquals("ok", evaluations(id).get(0).getString("status"));
    }

    /** A raw SMTP client, for what a well-behaved one never sends. */
    private static final class Conversation implements AutoCloseable {

        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        Conversation() throws IOException {
            socket = new Socket(InetAddress.getLoopbackAddress(), inboundPort());
            socket.setSoTimeout(30_000);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        }

        Conversation say(String command) throws IOException {
            raw((command + "\r\n").getBytes(StandardCharsets.UTF_8));
            return this;
        }

        void raw(byte[] bytes) throws IOException {
            out.write(bytes);
            out.flush();
        }

        void expect(String prefix) throws IOException {
            var reply = reply();
            assertTrue(reply.startsWith(prefix), "expected " + prefix + ", got: " + reply);
        }

        /** The last line of the next reply. */
        String reply() throws IOException {
            String line;
            do {
                var bytes = new ByteArrayOutputStream();
                for (int c; (c = in.read()) != '\n'; ) {
                    if (c == -1) {
                        throw new IOException("connection closed; read so far: " + bytes);
                    }
                    if (c != '\r') {
                        bytes.write(c);
                    }
                }
                line = bytes.toString(StandardCharsets.UTF_8);
            } while (line.length() > 3 && line.charAt(3) == '-');
            return line;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    // ---- GitHub secret scanning ----

    private static KeyPair keyPair() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, new byte[] {'\n'})
                        .encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static String sign(KeyPair pair, String body) throws Exception {
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(signer.sign());
    }

    private Api.Reply report(String path, String keyId, String signature, String body) {
        var github = api.header("Content-Type", "application/json");
        if (keyId != null) {
            github = github.header("Github-Public-Key-Identifier", keyId);
        }
        if (signature != null) {
            github = github.header("Github-Public-Key-Signature", signature);
        }
        return github.upload("POST", path, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String matches(String... tokens) {
        var array = Json.createArrayBuilder();
        for (var token : tokens) {
            array.add(Json.createObjectBuilder()
                    .add("token", token)
                    .add("type", token.startsWith("vbx_") ? "valbox_api_token" : "valbox_val_token")
                    .add("url", "https://github.com/octocat/leaks/blob/main/config.env")
                    .add("source", "content"));
        }
        return array.build().toString();
    }

    private String newToken(String name) {
        var created = api.token(alice.token())
                .post("/v1/me/tokens", "{\"name\":\"" + name + "\",\"scopes\":[\"user:read\"]}");
        assertEquals(201, created.status(), created::toString);
        return created.object().getString("token");
    }

    private static List<String> labels(Api.Reply reply) {
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply::toString);
        return reply.json().asJsonArray().getValuesAs(JsonObject.class).stream()
                .map(feedback -> feedback.getString("label"))
                .toList();
    }

    @Test
    void aSignedReportRevokesALeakedApiTokenAndTellsItsOwner() throws Exception {
        GreenMail mail = Mailboxes.start();
        try {
            var leaked = newToken("ci deploy");
            assertEquals(200, api.token(leaked).get("/v1/me").status());
            var madeUp = "vbx_" + "A".repeat(30);
            var body = matches(leaked, madeUp, "some_token");

            var reply = report("/v1/secret-scanning/verify", githubKeyId, sign(github, body), body);
            assertEquals(List.of("true_positive", "false_positive", "false_positive"), labels(reply));
            var first = reply.json().asJsonArray().getJsonObject(0);
            assertEquals(leaked, first.getString("token_raw"));
            assertEquals("valbox_api_token", first.getString("token_type"));

            assertProblem(api.token(leaked).get("/v1/me"), 401, "unauthenticated", null);
            var listed = api.token(alice.token()).get("/v1/me/tokens").body();
            assertTrue(!listed.contains("ci deploy"), listed);
            assertEquals(1, mail.getReceivedMessages().length);
            var notice = mail.getReceivedMessages()[0];
            assertEquals(alice.email(), ((InternetAddress) notice.getAllRecipients()[0]).getAddress());
            assertTrue(notice.getSubject().contains("revoked"), notice.getSubject());

            // Reported again (through the other URL): the tombstone still knows it, and nobody is told twice.
            var again = matches(leaked);
            assertEquals(
                    List.of("true_positive"),
                    labels(report("/v1/secret-scanning/revoke", githubKeyId, sign(github, again), again)));
            assertEquals(1, mail.getReceivedMessages().length);
        } finally {
            mail.stop();
        }
    }

    @Test
    void aLeakedValTokenIsRefusedFromThenOnAndTheNoticeWaitsInTheOutbox() throws Exception {
        createVal("tokenleak", "script", "public", "export default () => Deno.env.get('valtown');");
        var run = api.post("/v1/run/" + alice.username() + ".tokenleak", "{\"args\":[]}");
        assertEquals(200, run.status(), run::toString);
        var valToken = run.body().replace("\"", "");
        assertEquals(200, api.token(valToken).get("/v1/me").status());

        var body = matches(valToken);
        assertEquals(
                List.of("true_positive"),
                labels(report("/v1/secret-scanning/verify", githubKeyId, sign(github, body), body)));
        assertProblem(api.token(valToken).get("/v1/me"), 401, "unauthenticated", null);
        // No SMTP server listens on it.smtp.port now, so the notice stays in the outbox, listed with the user's mail.
        var listed = api.token(alice.token()).get("/v1/email").object().getJsonArray("data");
        assertEquals(1, listed.size(), listed::toString);
        assertEquals("outbox", listed.getJsonObject(0).getString("status"));
        assertTrue(listed.getJsonObject(0).getString("subject").contains("val token"), listed::toString);
    }

    @Test
    void aReportThatDoesNotVerifyRevokesNothing() throws Exception {
        var leaked = newToken("kept");
        var body = matches(leaked);
        var signature = sign(github, body);

        var tamperedBody = body.replace("content", "commit");
        assertTrue(!tamperedBody.equals(body), body);
        assertProblem(
                report("/v1/secret-scanning/verify", githubKeyId, signature, tamperedBody),
                401,
                "unauthenticated",
                null);
        var wrongBytes = Base64.getDecoder().decode(signature);
        wrongBytes[wrongBytes.length - 1] ^= 1;
        assertProblem(
                report(
                        "/v1/secret-scanning/verify",
                        githubKeyId,
                        Base64.getEncoder().encodeToString(wrongBytes),
                        body),
                401,
                "unauthenticated",
                null);
        assertProblem(
                report("/v1/secret-scanning/revoke", githubKeyId, "not base64", body), 401, "unauthenticated", null);
        var otherKey = keyPair();
        assertProblem(
                report("/v1/secret-scanning/verify", githubKeyId, sign(otherKey, body), body),
                401,
                "unauthenticated",
                null);
        assertProblem(
                report("/v1/secret-scanning/verify", "unknown" + githubKeyId, signature, body),
                401,
                "unauthenticated",
                null);
        assertProblem(report("/v1/secret-scanning/verify", null, null, body), 401, "unauthenticated", null);
        // A valid bearer token or session is no substitute for GitHub's signature.
        var withBearer = api.token(alice.token()).post("/v1/secret-scanning/verify", body);
        assertProblem(withBearer, 401, "unauthenticated", null);

        var malformed = "[{\"token\":" + "\"" + leaked + "\"";
        assertProblem(
                report("/v1/secret-scanning/verify", githubKeyId, sign(github, malformed), malformed),
                400,
                "invalid",
                "body");

        assertEquals(200, api.token(leaked).get("/v1/me").status(), "the token still works");
    }
}
