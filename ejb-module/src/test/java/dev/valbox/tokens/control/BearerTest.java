package dev.valbox.tokens.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BearerTest {

    @Test
    void readsTheTokenOfTheBearerSchemeInAnyCase() {
        assertEquals(Optional.of("vbx_abc"), Bearer.token("Bearer vbx_abc"));
        assertEquals(Optional.of("vbx_abc"), Bearer.token("bearer  vbx_abc "));
    }

    @Test
    void otherSchemesAndMissingHeadersHaveNoToken() {
        assertEquals(Optional.empty(), Bearer.token(null));
        assertEquals(Optional.empty(), Bearer.token("Basic dXNlcjpwYXNz"));
        assertEquals(Optional.empty(), Bearer.token("Bearer"));
    }
}
