package io.llmgateway.gateway.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the database could not take, on local disk until it can: segment files of one JSON line per
 * record, each append forced to disk before it returns. Used from the ledger's single writer thread
 * only. A segment is deleted only after all its records are in the database; a replay that dies half
 * way is simply repeated (inserts are idempotent by record id).
 */
final class Spool {

    private static final Logger log = LoggerFactory.getLogger(Spool.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String SUFFIX = ".jsonl";

    private final Path dir;
    private Path current;
    private long sequence;

    Spool(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the ledger spool directory " + dir, e);
        }
    }

    /** Appends the records to the open segment and forces them to disk. */
    void append(List<UsageRecord> records) throws IOException {
        if (current == null) {
            current = dir.resolve("spool-" + System.currentTimeMillis() + "-" + sequence++ + SUFFIX);
        }
        StringBuilder lines = new StringBuilder(records.size() * 400);
        for (UsageRecord r : records) {
            lines.append(JSON.writeValueAsString(r)).append('\n');
        }
        try (FileChannel ch = FileChannel.open(current, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(lines.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
    }

    /** Closes the open segment so that every segment can be replayed; returns them oldest first. */
    List<Path> segments() throws IOException {
        current = null;
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Spool::isSegment).sorted(Spool::byAge).toList();
        }
    }

    boolean isEmpty() {
        try (Stream<Path> files = Files.list(dir)) {
            return files.noneMatch(Spool::isSegment);
        } catch (IOException e) {
            return false;
        }
    }

    /** The records of one segment; a torn last line (a crash mid-append, never acknowledged) is skipped. */
    static List<UsageRecord> read(Path segment) throws IOException {
        List<UsageRecord> out = new ArrayList<>();
        for (String line : Files.readAllLines(segment, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            try {
                out.add(JSON.readValue(line, UsageRecord.class));
            } catch (JacksonException e) {
                log.warn("skipping an unreadable line in ledger spool {}: {}", segment.getFileName(), e.getOriginalMessage());
            }
        }
        return out;
    }

    static void delete(Path segment) throws IOException {
        Files.deleteIfExists(segment);
    }

    /** Number of spooled records (for the status of the ledger; reads the files). */
    long count() {
        try (Stream<Path> files = Files.list(dir)) {
            long n = 0;
            for (Path p : files.filter(Spool::isSegment).toList()) {
                try (Stream<String> lines = Files.lines(p, StandardCharsets.UTF_8)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                }
            }
            return n;
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    private static boolean isSegment(Path p) {
        String n = p.getFileName().toString();
        return n.startsWith("spool-") && n.endsWith(SUFFIX);
    }

    private static int byAge(Path a, Path b) {
        long[] ka = key(a);
        long[] kb = key(b);
        return ka[0] != kb[0] ? Long.compare(ka[0], kb[0]) : Long.compare(ka[1], kb[1]);
    }

    private static long[] key(Path p) {
        String n = p.getFileName().toString();
        String[] parts = n.substring("spool-".length(), n.length() - SUFFIX.length()).split("-");
        try {
            return new long[] {Long.parseLong(parts[0]), parts.length > 1 ? Long.parseLong(parts[1]) : 0};
        } catch (NumberFormatException | ArrayIndexOutOfBoundsException e) {
            return new long[] {Long.MAX_VALUE, 0};
        }
    }
}
