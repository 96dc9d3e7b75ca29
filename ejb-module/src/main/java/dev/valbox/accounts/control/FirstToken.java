package dev.valbox.accounts.control;

import dev.valbox.accounts.entity.User;

/**
 * A new user's first API token, with every scope, issued as part of signing up. Tokens stand above accounts (a token
 * belongs to a user), so signing up asks through this interface, which {@code tokens.control.SignupToken} implements.
 */
public interface FirstToken {

    /** Issues the token in the current transaction and answers its raw value, shown only this once. */
    String issueTo(User user);
}
