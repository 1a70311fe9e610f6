package io.llmgateway.sim.replay;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Azure LLM inference trace CSV (Azure/AzurePublicDataset, 2023 and 2024):
 * {@code TIMESTAMP,ContextTokens,GeneratedTokens}, timestamps like {@code 2023-11-16 18:17:03.9799600}
 * (read as UTC; the dataset does not state a zone). Columns are found by header name.
 */
final class AzureCsvTrace {

    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd HH:mm:ss")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter();

    private AzureCsvTrace() {
    }

    static List<TraceReader.RawRequest> parse(String source, List<String> lines) {
        if (lines.isEmpty()) {
            throw new TraceFormatException(source, 1, "empty file; expected the header TIMESTAMP,ContextTokens,GeneratedTokens");
        }
        List<String> header = Arrays.stream(lines.get(0).split(",", -1)).map(String::strip).toList();
        int ts = column(source, header, "TIMESTAMP");
        int ctx = column(source, header, "ContextTokens");
        int gen = column(source, header, "GeneratedTokens");
        List<TraceReader.RawRequest> out = new ArrayList<>(lines.size());
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.size()) {
                throw new TraceFormatException(source, i + 1, "expected " + header.size() + " columns, got " + cells.length);
            }
            out.add(new TraceReader.RawRequest(micros(source, i + 1, cells[ts].strip()),
                    tokens(source, i + 1, "ContextTokens", cells[ctx]), tokens(source, i + 1, "GeneratedTokens", cells[gen])));
        }
        return out;
    }

    private static int column(String source, List<String> header, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new TraceFormatException(source, 1, "no column '" + name + "' in header " + header);
        }
        return i;
    }

    private static long micros(String source, int line, String text) {
        try {
            var t = LocalDateTime.parse(text, TIMESTAMP).toInstant(ZoneOffset.UTC);
            return t.getEpochSecond() * 1_000_000 + t.getNano() / 1000;
        } catch (DateTimeParseException e) {
            throw new TraceFormatException(source, line, "TIMESTAMP: expected yyyy-MM-dd HH:mm:ss[.fraction], got '" + text + "'");
        }
    }

    static int tokens(String source, int line, String column, String text) {
        try {
            int v = Integer.parseInt(text.strip());
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new TraceFormatException(source, line, column + ": expected a whole number >= 1, got '" + text.strip() + "'");
    }
}
