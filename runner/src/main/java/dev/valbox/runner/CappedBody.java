package dev.valbox.runner;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Reads a response body into memory, but never more than {@code maxBytes}: a declared Content-Length
 * over the cap fails before reading, and a body that grows past it is abandoned (cancelling the
 * subscription makes HttpClient close the connection) instead of being read to the end.
 */
final class CappedBody implements HttpResponse.BodyHandler<byte[]> {

    private final long maxBytes;

    CappedBody(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    public HttpResponse.BodySubscriber<byte[]> apply(HttpResponse.ResponseInfo info) {
        OptionalLong declared = info.headers().firstValueAsLong("content-length");
        return new Subscriber(declared.isPresent() && declared.getAsLong() > maxBytes);
    }

    private FetchFailed tooLarge() {
        return new FetchFailed("the response body is larger than the limit of " + (maxBytes >> 20) + " MB");
    }

    private final class Subscriber implements HttpResponse.BodySubscriber<byte[]> {

        private final boolean declaredTooLarge;
        private final CompletableFuture<byte[]> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        Subscriber(boolean declaredTooLarge) {
            this.declaredTooLarge = declaredTooLarge;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return body;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (declaredTooLarge) {
                subscription.cancel();
                body.completeExceptionally(tooLarge());
            } else {
                subscription.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer buffer : buffers) {
                if (bytes.size() + (long) buffer.remaining() > maxBytes) {
                    subscription.cancel();
                    body.completeExceptionally(tooLarge());
                    return;
                }
                byte[] chunk = new byte[buffer.remaining()];
                buffer.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable failure) {
            body.completeExceptionally(failure);
        }

        @Override
        public void onComplete() {
            body.complete(bytes.toByteArray());
        }
    }
}
