package dev.valbox.email.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.valbox.problems.entity.InvalidInputException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.mail.internet.InternetAddress;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutgoingEmailTest {

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    private static List<String> unicode(List<InternetAddress> addresses) {
        return addresses.stream().map(InternetAddress::toUnicodeString).toList();
    }

    @Test
    void addressesComeAsStringsNamedStringsObjectsOrListsOfThem() {
        var email = OutgoingEmail.from(json("{'to':'a@example.com','cc':['Bé <b@example.com>',{'email':'c@example.com',"
                + "'name':'C, Jr.'}],'bcc':{'email':'d@example.com'},'replyToList':[{'email':'r@example.com'}],"
                + "'from':'x@example.com','subject':'Hi','text':'t','html':'<p>h</p>'}"));
        assertEquals(List.of("a@example.com"), unicode(email.to()));
        assertEquals(List.of("\"Bé\" <b@example.com>", "\"C, Jr.\" <c@example.com>"), unicode(email.cc()));
        assertEquals(List.of("d@example.com"), unicode(email.bcc()));
        assertEquals(List.of("r@example.com"), unicode(email.replyTo()));
        assertEquals("x@example.com", email.from().orElseThrow().getAddress());
        assertEquals("Hi", email.subject());
        assertEquals("t", email.text());
        assertEquals("<p>h</p>", email.html());
        assertEquals(List.of(), email.attachments());
    }

    @Test
    void nothingIsRequired() {
        var email = OutgoingEmail.from(json("{}"));
        assertEquals(List.of(), email.to());
        assertTrue(email.from().isEmpty());
        assertEquals(null, email.subject());
    }

    @Test
    void replyToIsStdEmailsNameForReplyToList() {
        assertEquals(
                List.of("r@example.com"),
                unicode(OutgoingEmail.from(json("{'replyTo':'r@example.com'}")).replyTo()));
        assertField("replyTo", "{'replyTo':'r@example.com','replyToList':'s@example.com'}");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "to | {'to':'not an address'}",
                "to | {'to':'nobody'}",
                "to | {'to':'a@example.com, b@example.com'}",
                "to | {'to':'group: a@example.com;'}",
                "to | {'to':'a@example.com\\r\\nBcc: b@example.com'}",
                "to | {'to':42}",
                "to[1] | {'to':['a@example.com','@example.com']}",
                "cc[0].email | {'cc':[{'name':'No address'}]}",
                "cc[0].name | {'cc':[{'name':'Evil\\r\\nBcc: x@example.com','email':'a@example.com'}]}",
                "cc[0].nick | {'cc':[{'email':'a@example.com','nick':'a'}]}",
                "from | {'from':['a@example.com']}",
                "bcc | {'bcc':'a@@example.com'}",
                "subject | {'subject':'two\\nlines'}",
                "subject | {'subject':3}",
                "text | {'text':'nul \\u0000 inside'}",
                "html | {'html':'lone \\ud800 surrogate'}",
                "headers | {'headers':{'X-A':'b'}}",
                "attachments | {'attachments':{'content':'YQ==','filename':'a'}}",
                "attachments[0].content | {'attachments':[{'content':'not base64!','filename':'a.txt'}]}",
                "attachments[0].content | {'attachments':[{'filename':'a.txt'}]}",
                "attachments[0].filename | {'attachments':[{'content':'YQ=='}]}",
                "attachments[0].type | {'attachments':[{'content':'YQ==','filename':'a','type':'not a type'}]}",
                "attachments[0].disposition | {'attachments':[{'content':'YQ==','filename':'a','disposition':'x'}]}",
                "attachments[0].contentId | {'attachments':[{'content':'YQ==','filename':'a','contentId':'<a>'}]}"
            })
    void badFieldsAreRefusedByName(String field, String body) {
        assertField(field, body);
    }

    @Test
    void sizesAreBounded() {
        assertField("subject", "{'subject':'" + "s".repeat(999) + "'}");
        assertEquals(
                998,
                OutgoingEmail.from(json("{'subject':'" + "s".repeat(998) + "'}"))
                        .subject()
                        .length());
        assertField("text", "{'text':'" + "t".repeat(1_000_001) + "'}");
        assertField("html", "{'html':'" + "h".repeat(1_000_001) + "'}");
        var thirty = new StringBuilder("[");
        for (int i = 0; i < 30; i++) {
            thirty.append(i == 0 ? "" : ",").append("'a").append(i).append("@example.com'");
        }
        thirty.append("]");
        assertEquals(30, OutgoingEmail.from(json("{'to':" + thirty + "}")).to().size());
        assertField("to", "{'to':" + thirty + ",'cc':" + thirty + "}");
        var eleven = new StringBuilder("{'attachments':[");
        for (int i = 0; i < 11; i++) {
            eleven.append(i == 0 ? "" : ",")
                    .append("{'content':'YQ==','filename':'a")
                    .append(i)
                    .append("'}");
        }
        assertField("attachments", eleven.append("]}").toString());
    }

    private static void assertField(String field, String body) {
        var e = assertThrows(InvalidInputException.class, () -> OutgoingEmail.from(json(body)), body);
        assertEquals(field, e.field(), e::getMessage);
        assertTrue(
                e.getMessage().contains(field.replaceAll("\\[.*", ""))
                        || e.getMessage().startsWith("unknown"),
                e::getMessage);
    }
}
