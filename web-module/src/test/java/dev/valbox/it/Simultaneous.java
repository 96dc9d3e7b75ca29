package dev.valbox.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;

/** Sends several requests at the same moment, to race the server against itself. */
final class Simultaneous {

    /** How long any one request may take: a request that hangs fails the test instead of stalling it. */
    private static final long PATIENCE_SECONDS = 60;

    private Simultaneous() {}

    /** Starts {@code request.apply(i)} for i = 0..n-1 at once, on n threads, and answers their replies in order. */
    static List<Api.Reply> send(int n, IntFunction<Api.Reply> request)
            throws InterruptedException, ExecutionException, TimeoutException {
        var senders = Executors.newFixedThreadPool(n);
        try {
            var start = new CountDownLatch(1);
            var pending = new ArrayList<Future<Api.Reply>>();
            for (int i = 0; i < n; i++) {
                var index = i;
                pending.add(senders.submit(() -> {
                    start.await();
                    return request.apply(index);
                }));
            }
            start.countDown();
            var replies = new ArrayList<Api.Reply>();
            for (var reply : pending) {
                replies.add(reply.get(PATIENCE_SECONDS, TimeUnit.SECONDS));
            }
            return replies;
        } finally {
            senders.shutdownNow();
        }
    }
}
