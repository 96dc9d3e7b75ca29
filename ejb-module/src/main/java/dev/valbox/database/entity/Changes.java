package dev.valbox.database.entity;

import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.atomic.AtomicLong;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Counts committed changes to the data that runs are served from (vals, versions, users, env vars): an entity
 * listener on those entities. A cache of that data notes the count before it reads the database and is stale once
 * the count has moved. The count moves after the commit, so a reader that saw the old rows always sees a new count.
 * In a cluster the count also moves when another member reports a change of its own ({@link #elsewhere()}).
 */
public class Changes {

    private static final AtomicLong COUNT = new AtomicLong();
    private static final AtomicLong LOCAL = new AtomicLong();
    private static final Object KEY = Changes.class;

    /** The number of committed changes so far in this instance, and of changes other instances reported. */
    public static long count() {
        return COUNT.get();
    }

    /** The number of changes made by this instance: what a cluster member tells the others about. */
    public static long local() {
        return LOCAL.get();
    }

    /** Another instance changed something (or may have, unheard): whatever was cached before is stale. */
    public static void elsewhere() {
        COUNT.incrementAndGet();
    }

    private static void here() {
        LOCAL.incrementAndGet();
        COUNT.incrementAndGet();
    }

    @PostPersist
    @PostUpdate
    @PostRemove
    void changed(Object entity) {
        var registry = registry();
        if (registry == null || registry.getTransactionKey() == null) {
            here();
            return;
        }
        if (registry.getResource(KEY) == null) {
            registry.putResource(KEY, Boolean.TRUE);
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {}

                @Override
                public void afterCompletion(int status) {
                    here();
                }
            });
        }
        // Also now, for readers in this transaction that must not reuse what they cached before the change.
        here();
    }

    private static TransactionSynchronizationRegistry registry() {
        try {
            return InitialContext.doLookup("java:comp/TransactionSynchronizationRegistry");
        } catch (NamingException e) {
            return null;
        }
    }
}
