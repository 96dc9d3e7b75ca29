package dev.valbox.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MemberListTest {

    @Test
    void hostsPortsAndRangesAreMembers() {
        var list = MemberList.parse(" app1.internal , 10.0.0.2:5900,app3:5900-5910", "5901");
        assertEquals(List.of("app1.internal", "10.0.0.2:5900", "app3:5900-5910"), list.members());
        assertEquals(5901, list.port());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", " ", "a,,b", "a,", "bad host", "-a", "a:", "a:0", "a:65536", "a:x", "a:5-4", "a:1-", "a:b:c"
            })
    void anythingElseIsRefusedNamingTheSetting(String members) {
        var refused = assertThrows(IllegalArgumentException.class, () -> MemberList.parse(members, "5900"));
        assertTrue(refused.getMessage().startsWith("valbox.cluster"), refused::getMessage);
    }

    @ParameterizedTest
    @CsvSource({"0", "65536", "x", "''", "-1", "5900-5901"})
    void theOwnPortIsOnePort(String port) {
        var refused = assertThrows(IllegalArgumentException.class, () -> MemberList.parse("app1", port));
        assertTrue(refused.getMessage().startsWith("valbox.cluster.port"), refused::getMessage);
    }
}
