package dev.valbox.runner;

import java.io.IOException;

/**
 * Why a val's fetch failed, worded for the val author: JS receives {@code TypeError("fetch failed: " +
 * message)}. An {@link IOException} so that it passes through {@code HttpClient}, which wraps what a body
 * subscriber fails with.
 */
final class FetchFailed extends IOException {

    FetchFailed(String reason) {
        super(reason, null);
    }

    /** The reason carried by this failure or one of its causes, else null. */
    static String reasonIn(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof FetchFailed failed) {
                return failed.getMessage();
            }
        }
        return null;
    }
}
