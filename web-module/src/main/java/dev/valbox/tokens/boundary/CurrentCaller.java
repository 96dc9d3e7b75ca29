package dev.valbox.tokens.boundary;

import dev.valbox.tokens.control.Caller;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set once by {@link Authentication}. */
@RequestScoped
public class CurrentCaller {

    private Caller caller = Caller.ANONYMOUS;

    public Caller get() {
        return caller;
    }

    void set(Caller caller) {
        this.caller = caller;
    }
}
