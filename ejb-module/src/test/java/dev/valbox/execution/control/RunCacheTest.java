package dev.valbox.execution.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Entries expire by time only where another process may change the database. */
class RunCacheTest {

    @Test
    void anEmbeddedH2DatabaseIsThisProcesssAlone() {
        assertFalse(RunCache.sharedDatabase("jdbc:h2:/srv/valbox/data/db/valbox;MODE=LEGACY"));
        assertFalse(RunCache.sharedDatabase("jdbc:h2:file:./data/db/valbox"));
        assertFalse(RunCache.sharedDatabase("jdbc:h2:mem:test"));
    }

    @Test
    void serverDatabasesAndH2WithOtherProcessesAreShared() {
        assertTrue(RunCache.sharedDatabase("jdbc:postgresql://db:5432/valbox"));
        assertTrue(RunCache.sharedDatabase("jdbc:h2:tcp://db:9092/valbox"));
        assertTrue(RunCache.sharedDatabase("jdbc:h2:ssl://db/valbox"));
        assertTrue(RunCache.sharedDatabase("jdbc:h2:/srv/valbox/db;AUTO_SERVER=TRUE"));
        assertTrue(RunCache.sharedDatabase("jdbc:H2:/srv/valbox/db;auto_server=true"));
    }
}
