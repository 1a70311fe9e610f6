package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/** Reads a request body up to the configured cap: a declared or actual larger body is a 413, not an OOM. */
final class RequestBodyReader {

    private final int maxBytes;

    RequestBodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    Mono<byte[]> read(ServerRequest request) {
        long declared = request.headers().contentLength().orElse(-1);
        if (declared > maxBytes) {
            return Mono.error(tooLarge());
        }
        return DataBufferUtils.join(request.body(BodyExtractors.toDataBuffers()), maxBytes)
                .map(buf -> {
                    try {
                        byte[] bytes = new byte[buf.readableByteCount()];
                        buf.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buf);
                    }
                })
                .switchIfEmpty(Mono.error(() -> GatewayException.of(ErrorKind.INVALID_REQUEST,
                        "The request body is empty; a JSON object is required.")))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    private GatewayException tooLarge() {
        return GatewayException.of(ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

}
