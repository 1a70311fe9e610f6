package io.llmgateway.sim.replay;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Reads a request trace by file extension: {@code .csv} is the Azure LLM inference trace format
 * ({@link AzureCsvTrace}), {@code .jsonl} the Mooncake format ({@link MooncakeJsonlTrace}).
 */
public final class TraceReader {

    private TraceReader() {
    }

    /** Reads, sorts by arrival (stable) and numbers the requests. */
    public static Trace read(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new TraceFormatException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
        return parse(file.toString(), name.endsWith(".csv"), name.endsWith(".jsonl"), lines);
    }

    /** Parses lines of a trace; {@code csv} or {@code jsonl} says which format (neither is an error). */
    static Trace parse(String source, boolean csv, boolean jsonl, List<String> lines) {
        List<RawRequest> raw;
        if (csv) {
            raw = AzureCsvTrace.parse(source, lines);
        } else if (jsonl) {
            raw = MooncakeJsonlTrace.parse(source, lines);
        } else {
            throw new TraceFormatException(source, 0, "unknown trace format: expected .csv (Azure) or .jsonl (Mooncake)");
        }
        if (raw.isEmpty()) {
            throw new TraceFormatException(source, 0, "the trace holds no requests");
        }
        List<RawRequest> sorted = new ArrayList<>(raw);
        sorted.sort(Comparator.comparingLong(RawRequest::epochMicros));
        long first = sorted.get(0).epochMicros();
        List<TraceRequest> out = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            RawRequest r = sorted.get(i);
            out.add(new TraceRequest(i, (r.epochMicros() - first) / 1000.0, Math.floorDiv(r.epochMicros(), 1000),
                    r.promptTokens(), r.outputTokens()));
        }
        return new Trace(source, out);
    }

    /** One parsed line before sorting. */
    record RawRequest(long epochMicros, int promptTokens, int outputTokens) {
    }
}
