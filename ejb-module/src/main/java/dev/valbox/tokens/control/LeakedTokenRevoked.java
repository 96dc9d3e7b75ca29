package dev.valbox.tokens.control;

import dev.valbox.accounts.entity.User;
import java.time.Instant;

/**
 * A token found in public was revoked (GitHub secret scanning); its owner should hear of it. Fired by
 * {@link SecretScanning}; whoever tells people things (email) observes it, so tokens need not know how.
 *
 * @param what "API token" or "val token"
 * @param url where it was found, empty when GitHub did not say
 */
public record LeakedTokenRevoked(User owner, String what, String url, Instant revokedAt) {}
