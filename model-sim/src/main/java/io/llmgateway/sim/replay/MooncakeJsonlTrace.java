package io.llmgateway.sim.replay;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Mooncake trace JSONL (kvcache-ai/Mooncake FAST'25 release): one object per line with
 * {@code timestamp} (ms after the trace start), {@code input_length}, {@code output_length}; other fields
 * ({@code hash_ids}) are ignored (prefix caching is not modelled). The traces carry no date, so the
 * first request is placed at {@link #START} for time-of-day rules.
 */
final class MooncakeJsonlTrace {

    /** Wall-clock time of timestamp 0: a weekday, 10:00 in UTC+8. */
    static final Instant START = Instant.parse("2024-01-03T02:00:00Z");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MooncakeJsonlTrace() {
    }

    static List<TraceReader.RawRequest> parse(String source, List<String> lines) {
        List<TraceReader.RawRequest> out = new ArrayList<>(lines.size());
        long start = START.toEpochMilli() * 1000;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            JsonNode n;
            try {
                n = JSON.readTree(line);
            } catch (JacksonException e) {
                throw new TraceFormatException(source, i + 1, "not a JSON object: " + e.getOriginalMessage());
            }
            long ts = number(source, i + 1, n, "timestamp", 0);
            int in = (int) number(source, i + 1, n, "input_length", 1);
            int outTokens = (int) number(source, i + 1, n, "output_length", 1);
            out.add(new TraceReader.RawRequest(start + ts * 1000, in, outTokens));
        }
        return out;
    }

    private static long number(String source, int line, JsonNode n, String field, long min) {
        JsonNode v = n == null ? null : n.get(field);
        if (v == null || !v.isIntegralNumber() || v.asLong() < min || v.asLong() > Integer.MAX_VALUE) {
            throw new TraceFormatException(source, line, field + ": expected a whole number >= " + min + ", got "
                    + (v == null ? "nothing" : v.toString()));
        }
        return v.asLong();
    }
}
