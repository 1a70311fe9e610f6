package io.llmgateway.adapter.sse;

import java.nio.charset.StandardCharsets;

/** Encodes events for the client side: {@code data: <payload>\n\n}, one event per frame. */
public final class SseFrames {

    public static final byte[] DONE = "data: [DONE]\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PREFIX = "data: ".getBytes(StandardCharsets.US_ASCII);

    private SseFrames() {
    }

    /** Frames one event; a payload with line breaks becomes several {@code data:} lines, as the spec joins them back. */
    public static byte[] data(String json) {
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            return multiline(json);
        }
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[PREFIX.length + payload.length + 2];
        System.arraycopy(PREFIX, 0, out, 0, PREFIX.length);
        System.arraycopy(payload, 0, out, PREFIX.length, payload.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    private static byte[] multiline(String payload) {
        StringBuilder sb = new StringBuilder(payload.length() + 16);
        for (String line : payload.split("\r\n|\r|\n", -1)) {
            sb.append("data: ").append(line).append('\n');
        }
        return sb.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }
}
