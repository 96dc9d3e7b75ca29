package dev.valbox.tokens.control;

import dev.valbox.accounts.control.FirstToken;
import dev.valbox.accounts.entity.Scope;
import dev.valbox.accounts.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The API token a user gets on signing up: named "signup", every scope, no expiry. */
@ApplicationScoped
public class SignupToken implements FirstToken {

    @Inject
    Tokens tokens;

    @Override
    public String issueTo(User user) {
        return tokens.issue(user, "signup", Scope.all(), null).token();
    }
}
