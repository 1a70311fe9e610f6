package io.llmgateway.adapter.client;

import io.netty.buffer.ByteBuf;
import io.netty.util.IllegalReferenceCountException;
import reactor.core.publisher.Flux;
import reactor.netty.ByteBufFlux;

/**
 * An upstream body as byte arrays, copied out of each received buffer while it is delivered (Reactor
 * Netty releases the buffer once {@code onNext} returns).
 *
 * <p>Not {@link ByteBufFlux#asByteArray()}: that is built on {@code handle}, and with the
 * context-propagation library on the class path (Micrometer tracing brings it) Reactor restores every
 * registered thread-local around each {@code handle} call: the observation scope, the span, the MDC
 * entries, all set and reset once per received buffer. For a relayed stream that is once per token
 * event, work and garbage that nothing reads: the body is parsed and relayed, never logged per buffer.
 */
final class BodyBytes {

    private static final byte[] NONE = new byte[0];

    private BodyBytes() {
    }

    static Flux<byte[]> of(ByteBufFlux body) {
        return body.map(BodyBytes::copy);
    }

    /** A buffer already released (the exchange closed while it was on its way) gives no bytes; the body ends with the exchange. */
    static byte[] copy(ByteBuf buffer) {
        try {
            int n = buffer.readableBytes();
            if (n == 0) {
                return NONE;
            }
            byte[] bytes = new byte[n];
            buffer.readBytes(bytes);
            return bytes;
        } catch (IllegalReferenceCountException e) {
            return NONE;
        }
    }
}
