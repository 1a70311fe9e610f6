package io.llmgateway.adapter.client;

import io.llmgateway.adapter.sse.StreamLimitException;
import java.io.ByteArrayOutputStream;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;

/** Aggregates a response body up to a byte cap; a larger one fails instead of exhausting memory. */
final class BoundedBody {

    private BoundedBody() {
    }

    static Mono<byte[]> collect(ByteBufFlux body, int maxBytes) {
        return BodyBytes.of(body)
                .reduceWith(ByteArrayOutputStream::new, (out, bytes) -> {
                    if (out.size() + bytes.length > maxBytes) {
                        throw new StreamLimitException("the upstream answer exceeds " + maxBytes + " bytes");
                    }
                    out.write(bytes, 0, bytes.length);
                    return out;
                })
                .map(ByteArrayOutputStream::toByteArray)
                .defaultIfEmpty(new byte[0]);
    }
}
