package dev.valbox.it;

import dev.valbox.it.Accounts.Account;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link DeployedValbox} with a user of the test's own: alice, signed up afresh before each test (so no test sees
 * another's data), and {@code asAlice}, the client speaking with her all-scopes token.
 */
abstract class SignedUpValbox extends DeployedValbox {

    Account alice;
    Api asAlice;

    @BeforeEach
    void signUpAlice() {
        alice = Accounts.signup(api, "alice");
        asAlice = api.token(alice.token());
    }
}
