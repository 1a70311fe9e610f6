package io.llmgateway.bench.load;

import io.netty.buffer.ByteBuf;

/**
 * Scans a chat completion event stream as it arrives, without building strings or JSON trees: finds each
 * event's end (a blank line, LF or CRLF), and classifies it by its bytes. A token event is one whose
 * delta has non-empty {@code "content":"...}; the role-only opening chunk, the finish chunk and the usage
 * chunk are events but not tokens. TTFT is the arrival of the first token event, inter-token latency the
 * gap between consecutive token events, as vLLM's benchmark_serving measures them. One per stream.
 */
final class SseScanner {

    /** Receives the scanner's findings. */
    interface Listener {
        void token(long nanos);
    }

    private static final byte[] CONTENT = "\"content\":\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DONE = "data: [DONE]".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ERROR = "data: {\"error\"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int KEEP = 4096;

    private final Listener listener;
    private final byte[] event = new byte[KEEP];
    private int length;
    private int lineLength;
    private boolean done;
    private boolean error;
    private long events;

    SseScanner(Listener listener) {
        this.listener = listener;
    }

    void feed(ByteBuf buf, long nanos) {
        for (int i = buf.readerIndex(), end = buf.writerIndex(); i < end; i++) {
            byte b = buf.getByte(i);
            if (b == '\r') {
                continue;
            }
            if (b == '\n') {
                if (lineLength == 0) {
                    dispatch(nanos);
                } else {
                    lineLength = 0;
                    keep(b);
                }
                continue;
            }
            lineLength++;
            keep(b);
        }
    }

    boolean sawDone() {
        return done;
    }

    boolean sawError() {
        return error;
    }

    long events() {
        return events;
    }

    private void keep(byte b) {
        if (length < KEEP) {
            event[length] = b;
        }
        length++;
    }

    private void dispatch(long nanos) {
        if (length == 0) {
            return;
        }
        events++;
        int n = Math.min(length, KEEP);
        if (startsWith(DONE, n)) {
            done = true;
        } else if (startsWith(ERROR, n)) {
            error = true;
        } else if (hasContent(n)) {
            listener.token(nanos);
        }
        length = 0;
    }

    private boolean startsWith(byte[] prefix, int n) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (event[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code "content":"} occurs followed by something other than the closing quote. */
    private boolean hasContent(int n) {
        outer:
        for (int i = 0; i + CONTENT.length < n; i++) {
            for (int j = 0; j < CONTENT.length; j++) {
                if (event[i + j] != CONTENT[j]) {
                    continue outer;
                }
            }
            return event[i + CONTENT.length] != '"';
        }
        return false;
    }
}
