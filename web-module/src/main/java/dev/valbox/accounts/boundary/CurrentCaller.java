package dev.valbox.accounts.boundary;

import dev.valbox.accounts.control.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set once by {@code tokens.boundary.Authentication}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    public void set(Caller caller) {
        this.caller = caller;
    }
}
