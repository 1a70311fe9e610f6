package io.llmgateway.adapter.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * Splits a byte stream into lines on CRLF, LF or CR (as the WHATWG event-stream spec requires), across
 * chunk boundaries, with a cap on line length so an endless line cannot exhaust memory. Not thread-safe:
 * one instance per stream, fed in order.
 */
public final class LineSplitter {

    private final int maxLineBytes;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream(256);
    private boolean lastWasCr;

    public LineSplitter(int maxLineBytes) {
        if (maxLineBytes <= 0) {
            throw new IllegalArgumentException("maxLineBytes must be positive, got " + maxLineBytes);
        }
        this.maxLineBytes = maxLineBytes;
    }

    /** Feeds bytes; calls {@code line} for every complete line (without its terminator). */
    public void feed(byte[] bytes, Consumer<String> line) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '\n' && lastWasCr) {
                lastWasCr = false;
                start = i + 1;
                continue;
            }
            lastWasCr = false;
            if (b == '\n' || b == '\r') {
                append(bytes, start, i - start);
                line.accept(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
                lastWasCr = b == '\r';
                start = i + 1;
            }
        }
        append(bytes, start, bytes.length - start);
    }

    /** The unterminated rest at the end of the stream, or null if there is none. */
    public String finish() {
        if (pending.size() == 0) {
            return null;
        }
        String rest = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        return rest;
    }

    private void append(byte[] bytes, int off, int len) {
        if (len <= 0) {
            return;
        }
        if (pending.size() + len > maxLineBytes) {
            throw new StreamLimitException("a line of the upstream stream exceeds " + maxLineBytes + " bytes");
        }
        pending.write(bytes, off, len);
    }
}
