package io.llmgateway.adapter.sse;

import io.llmgateway.adapter.schema.UpstreamEvent;
import java.util.function.Consumer;

/**
 * Incremental, WHATWG-conformant {@code text/event-stream} decoder: {@code data} lines are joined
 * with LF, a single space after the colon is dropped, comment lines ({@code :}) are ignored, an event
 * is dispatched on a blank line, and one with no data is dropped. {@code event} names are kept
 * (Anthropic needs them); {@code id} and {@code retry} are ignored (the gateway never reconnects).
 * Events over {@code maxEventBytes} fail the stream. One instance per stream.
 */
public final class SseDecoder {

    private final LineSplitter lines;
    private final int maxEventBytes;
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventName;
    private boolean first = true;

    public SseDecoder(int maxEventBytes) {
        this.lines = new LineSplitter(maxEventBytes);
        this.maxEventBytes = maxEventBytes;
    }

    public void feed(byte[] bytes, Consumer<UpstreamEvent> out) {
        lines.feed(bytes, line -> onLine(line, out));
    }

    /** End of stream: an event not terminated by a blank line is discarded, as the spec says. */
    public void finish(Consumer<UpstreamEvent> out) {
        String rest = lines.finish();
        if (rest != null) {
            onLine(rest, e -> { });
        }
    }

    private void onLine(String line, Consumer<UpstreamEvent> out) {
        if (first) {
            first = false;
            if (!line.isEmpty() && line.charAt(0) == '\uFEFF') {
                line = line.substring(1);
            }
        }
        if (line.isEmpty()) {
            dispatch(out);
            return;
        }
        if (line.charAt(0) == ':') {
            return;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = "";
        if (colon >= 0) {
            int from = colon + 1;
            if (from < line.length() && line.charAt(from) == ' ') {
                from++;
            }
            value = line.substring(from);
        }
        switch (field) {
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
                if (data.length() > maxEventBytes) {
                    throw new StreamLimitException("an upstream event exceeds " + maxEventBytes + " bytes");
                }
            }
            case "event" -> eventName = value;
            default -> {
                // id, retry and unknown fields are ignored
            }
        }
    }

    private void dispatch(Consumer<UpstreamEvent> out) {
        if (hasData) {
            out.accept(new UpstreamEvent(eventName == null || eventName.isEmpty() ? null : eventName, data.toString()));
        }
        data.setLength(0);
        hasData = false;
        eventName = null;
    }
}
