package io.llmgateway.bench.load;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Request shapes (prompt and output lengths) drawn from a public trace, read in place from the shared data
 * directory (env {@code GATEWAY_SHARED_DATA}, else {@code ../shared/data} from the working directory or its
 * parent); nothing is copied into the project.
 *
 * <ul>
 *   <li>{@code azure-conv}, {@code azure-code}: Azure LLM inference trace 2023, {@code ContextTokens} and
 *       {@code GeneratedTokens} of {@code traces/azure2023/AzureLLMInferenceTrace_{conv,code}.csv}</li>
 *   <li>{@code mooncake-conv}, {@code mooncake-synthetic}: Mooncake FAST'25 traces, {@code input_length} and
 *       {@code output_length} of {@code traces/mooncake/{conversation,synthetic}_trace.jsonl}</li>
 *   <li>{@code fixed:P:O}: every request has P prompt and O output tokens (no file)</li>
 * </ul>
 *
 * Lengths are capped (not scaled) by {@code --max-prompt-tokens} / {@code --max-output-tokens}, so a loopback
 * run stays bounded: the trace's short requests keep their shape, its long ones are cut to the cap.
 */
public final class TraceSamples {

    /** Distinct samples drawn per run; requests cycle through them. */
    static final int DRAWN = 2048;

    private static final Pattern MOONCAKE = Pattern.compile("\"input_length\"\\s*:\\s*(\\d+).*?\"output_length\"\\s*:\\s*(\\d+)");

    private TraceSamples() {
    }

    /** {@link #DRAWN} samples drawn at random (with replacement, seeded) from the named trace. */
    public static List<TraceSample> draw(String trace, int maxPrompt, int maxOutput, long seed) {
        if (trace.startsWith("fixed:")) {
            String[] p = trace.split(":");
            if (p.length != 3) {
                throw new IllegalArgumentException("--trace fixed needs fixed:PROMPT:OUTPUT, got '" + trace + "'");
            }
            try {
                return List.of(TraceSample.capped(Integer.parseInt(p[1]), Integer.parseInt(p[2]), maxPrompt, maxOutput));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--trace fixed needs integer lengths, got '" + trace + "'");
            }
        }
        List<int[]> rows = read(trace);
        Random random = new Random(seed);
        List<TraceSample> out = new ArrayList<>(DRAWN);
        for (int i = 0; i < DRAWN; i++) {
            int[] r = rows.get(random.nextInt(rows.size()));
            out.add(TraceSample.capped(r[0], r[1], maxPrompt, maxOutput));
        }
        return out;
    }

    /** All (prompt, output) rows of a trace file. */
    static List<int[]> read(String trace) {
        Path file = file(trace);
        List<int[]> rows = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            boolean csv = file.toString().endsWith(".csv");
            while ((line = in.readLine()) != null) {
                int[] row = csv ? csvRow(line) : jsonRow(line);
                if (row != null) {
                    rows.add(row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read trace " + file, e);
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("trace " + file + " has no usable rows");
        }
        return rows;
    }

    static Path file(String trace) {
        String relative = switch (trace) {
            case "azure-conv" -> "traces/azure2023/AzureLLMInferenceTrace_conv.csv";
            case "azure-code" -> "traces/azure2023/AzureLLMInferenceTrace_code.csv";
            case "mooncake-conv" -> "traces/mooncake/conversation_trace.jsonl";
            case "mooncake-synthetic" -> "traces/mooncake/synthetic_trace.jsonl";
            default -> throw new IllegalArgumentException("unknown --trace '" + trace
                    + "' (known: azure-conv, azure-code, mooncake-conv, mooncake-synthetic, fixed:P:O)");
        };
        Path f = sharedData().resolve(relative);
        if (!Files.isRegularFile(f)) {
            throw new IllegalArgumentException("trace file not found: " + f);
        }
        return f;
    }

    /** The shared data directory: env {@code GATEWAY_SHARED_DATA}, else {@code ../shared/data} above the working directory. */
    static Path sharedData() {
        String env = System.getenv("GATEWAY_SHARED_DATA");
        if (env != null && !env.isBlank()) {
            return Path.of(env);
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path p = cwd; p != null; p = p.getParent()) {
            Path candidate = p.resolveSibling("shared").resolve("data");
            if (Files.isDirectory(candidate.resolve("traces"))) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("shared data not found: set GATEWAY_SHARED_DATA (looked for ../shared/data above " + cwd + ")");
    }

    private static int[] csvRow(String line) {
        String[] f = line.split(",");
        if (f.length < 3 || !Character.isDigit(f[1].isEmpty() ? 'x' : f[1].charAt(0))) {
            return null; // header or blank
        }
        return new int[] {Integer.parseInt(f[1].trim()), Integer.parseInt(f[2].trim())};
    }

    private static int[] jsonRow(String line) {
        Matcher m = MOONCAKE.matcher(line);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }
}
