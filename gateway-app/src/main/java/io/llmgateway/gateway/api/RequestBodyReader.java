package io.llmgateway.gateway.api;

import io.llmgateway.adapter.error.ErrorKind;
import io.llmgateway.adapter.error.GatewayException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.web.reactive.function.BodyExtractors;
import org.springframework.web.reactive.function.server.ServerRequest;
import reactor.core.publisher.Mono;

/**
 * Reads a request body up to the configured cap: a declared or actual larger body is a 413, not an OOM.
 * The bytes must be well-formed UTF-8 (RFC 8259): overlong forms, surrogates and stray bytes are a 400,
 * so no component downstream decodes them differently from the next.
 */
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
                        return requireUtf8(bytes);
                    } finally {
                        DataBufferUtils.release(buf);
                    }
                })
                .switchIfEmpty(Mono.error(() -> GatewayException.of(ErrorKind.INVALID_REQUEST,
                        "The request body is empty; a JSON object is required.")))
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge());
    }

    static byte[] requireUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(Math.min(bytes.length, 8192) + 1);
        while (true) {
            CoderResult r = decoder.decode(in, out, true);
            if (r.isError()) {
                throw GatewayException.of(ErrorKind.INVALID_REQUEST,
                        "The request body is not valid UTF-8 (at byte " + in.position() + ").");
            }
            if (r.isUnderflow()) {
                return bytes;
            }
            out.clear(); // overflow: only validity matters, the text is discarded
        }
    }

    private GatewayException tooLarge() {
        return GatewayException.of(ErrorKind.PAYLOAD_TOO_LARGE,
                "The request body exceeds the limit of " + maxBytes + " bytes.");
    }

}
