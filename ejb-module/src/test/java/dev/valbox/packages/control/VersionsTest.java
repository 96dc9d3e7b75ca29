package dev.valbox.packages.control;

import static dev.valbox.json.Jsonp.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VersionsTest {

    private static final JsonObject METADATA = metadata();

    private static JsonObject metadata() {
        var text = "{'name':'x','dist-tags':{'latest':'1.4.0','next':'2.0.0-beta.2'},'versions':{'1.0.0':{},"
                + "'1.4.0':{},'1.5.0':{},'2.0.0-beta.2':{},'0.2.3':{},'0.3.0':{}}}";
        try (var reader = JSON.createReader(new StringReader(text.replace('\'', '"')))) {
            return reader.readObject();
        }
    }

    @Test
    void tagsNameTheirVersionAndNoRangeMeansLatest() throws Exception {
        assertEquals(Optional.of("1.4.0"), Versions.pick(METADATA, null));
        assertEquals(Optional.of("1.4.0"), Versions.pick(METADATA, "latest"));
        assertEquals(Optional.of("2.0.0-beta.2"), Versions.pick(METADATA, "next"));
    }

    @Test
    void rangesPickLatestWhenItFitsElseTheHighestStableVersion() throws Exception {
        assertEquals(Optional.of("1.4.0"), Versions.pick(METADATA, "^1.0.0"));
        assertEquals(Optional.of("1.5.0"), Versions.pick(METADATA, ">=1.5"));
        assertEquals(Optional.of("0.2.3"), Versions.pick(METADATA, "^0.2.3"));
        assertEquals(Optional.of("1.0.0"), Versions.pick(METADATA, "1.0.0"));
        assertEquals(Optional.of("1.5.0"), Versions.pick(METADATA, "1.5.x || 3"));
        assertEquals(Optional.of("1.4.0"), Versions.pick(METADATA, "*"));
        assertEquals(Optional.empty(), Versions.pick(METADATA, "^3"));
        assertEquals(Optional.empty(), Versions.pick(METADATA, "2"));
    }

    @Test
    void aRangeThatIsNoRangeIsRefused() {
        for (var bad : List.of("^^1", "!!", "1.2.3.4.5", "not a range")) {
            assertThrows(Versions.BadRangeException.class, () -> Versions.pick(METADATA, bad), bad);
        }
    }

    @Test
    void withoutTheRegistryStoredVersionsAnswer() throws Exception {
        var stored = List.of("1.0.0", "1.4.0", "2.1.0");
        assertEquals(Optional.of("1.4.0"), Versions.pickStored(stored, "^1"));
        assertEquals(Optional.of("2.1.0"), Versions.pickStored(stored, null));
        assertEquals(Optional.empty(), Versions.pickStored(stored, "^3"));
    }
}
