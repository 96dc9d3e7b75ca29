package dev.valbox.tokens.boundary;

import static dev.valbox.json.Jsonp.JSON;

import dev.valbox.problems.entity.TooLargeException;
import dev.valbox.tokens.control.SecretScanning;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.InputStream;

/**
 * GitHub's secret scanning partner endpoints. GitHub calls them with no credentials of ours: the report's ECDSA
 * signature is its only authentication, checked against the raw bytes before anything else, so the body is taken as
 * bytes and never re-serialised. {@code verify} and {@code revoke} do the same (revoke what is ours, label each match),
 * so either URL can be registered with GitHub.
 */
@Path("secret-scanning")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class SecretScanningResource {

    /** A report far larger than GitHub sends; past it the request is refused unread. */
    static final int MAX_BYTES = 1024 * 1024;

    static final String KEY_IDENTIFIER = "Github-Public-Key-Identifier";
    static final String KEY_SIGNATURE = "Github-Public-Key-Signature";

    @Inject
    SecretScanning scanning;

    @POST
    @Path("verify")
    public JsonArray verify(
            @HeaderParam(KEY_IDENTIFIER) String keyIdentifier,
            @HeaderParam(KEY_SIGNATURE) String signature,
            InputStream body)
            throws IOException {
        return report(keyIdentifier, signature, body);
    }

    @POST
    @Path("revoke")
    public JsonArray revoke(
            @HeaderParam(KEY_IDENTIFIER) String keyIdentifier,
            @HeaderParam(KEY_SIGNATURE) String signature,
            InputStream body)
            throws IOException {
        return report(keyIdentifier, signature, body);
    }

    private JsonArray report(String keyIdentifier, String signature, InputStream body) throws IOException {
        var bytes = body.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new TooLargeException("body", "a report may be at most " + MAX_BYTES + " bytes");
        }
        var feedback = JSON.createArrayBuilder();
        for (var label : scanning.report(bytes, keyIdentifier, signature)) {
            feedback.add(JSON.createObjectBuilder()
                    .add("token_raw", label.token())
                    .add("token_type", label.type())
                    .add("label", label.truePositive() ? "true_positive" : "false_positive"));
        }
        return feedback.build();
    }
}
