package dev.valbox.tokens.control;

import java.util.Optional;

/** Reads the credential out of an {@code Authorization: Bearer <token>} header. */
public final class Bearer {

    private static final String SCHEME = "Bearer ";

    private Bearer() {}

    /** The token, if the header uses the Bearer scheme (matched ignoring case, as RFC 9110 says). */
    public static Optional<String> token(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return Optional.empty();
        }
        return Optional.of(authorization.substring(SCHEME.length()).trim());
    }
}
