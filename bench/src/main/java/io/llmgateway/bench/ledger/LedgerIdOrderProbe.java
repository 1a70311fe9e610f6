package io.llmgateway.bench.ledger;

import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the order of the ledger's ids costs the embedded H2 store: the same rows inserted the way the
 * gateway's ledger writer inserts them (batches of 500, one transaction each, the ledger's own migrations),
 * once with random UUIDs and random request ids and once with time-ordered ones (UUIDv7, time-prefixed
 * request ids, as {@code TimeOrderedIds} makes them). Reports process CPU per row (the H2 serialisation
 * threads included) over the second half of the rows, when the table is large enough that pages no longer
 * all stay in H2's cache. A scratch pass first warms the JIT.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.llmgateway.bench.ledger.LedgerIdOrderProbe [rows] [migrations dir]</pre>
 */
public final class LedgerIdOrderProbe {

    private static final String INSERT = "INSERT INTO usage_ledger (id, request_id, started_at, ended_at, app, model, deployment, pool, zone,"
            + " data_class, detectors, operation, stream, prompt_tokens, completion_tokens, usage_estimated, cost_usd, duration_ms, ttft_ms,"
            + " status, outcome, error_code, attempts) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private LedgerIdOrderProbe() {
    }

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        Path migrations = Path.of(args.length > 1 ? args[1] : "gateway-app/src/main/resources/db/ledger");
        Path scratch = Files.createTempDirectory("ledger-id-order");
        try {
            run(scratch.resolve("warmup"), migrations, rows / 3, false);
            double random = run(scratch.resolve("random"), migrations, rows, false);
            double ordered = run(scratch.resolve("ordered"), migrations, rows, true);
            System.out.printf("ledger inserts on H2, %,d rows, CPU per row over the second half: random ids %.1f us, time-ordered ids %.1f us (%.0f%%)%n",
                    rows, random, ordered, 100 * ordered / random);
        } finally {
            try (var files = Files.walk(scratch)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Inserts {@code rows} rows; returns process CPU microseconds per row over the second half. */
    private static double run(Path dir, Path migrations, int rows, boolean ordered) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("ledger").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        try (Connection c = DriverManager.getConnection(url)) {
            try (Statement s = c.createStatement(); var files = Files.list(migrations)) {
                for (Path sql : files.sorted().toList()) {
                    for (String statement : Files.readString(sql).replaceAll("(?m)^--.*$", "").split(";")) {
                        if (!statement.isBlank()) {
                            s.execute(statement);
                        }
                    }
                }
            }
            c.setAutoCommit(false);
            long cpuAtHalf = 0;
            for (int done = 0; done < rows; ) {
                if (done >= rows / 2 && cpuAtHalf == 0) {
                    cpuAtHalf = processCpuNanos();
                }
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    for (int i = 0; i < 500 && done < rows; i++, done++) {
                        bind(ps, System.currentTimeMillis(), ordered);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                    c.commit();
                }
            }
            return (processCpuNanos() - cpuAtHalf) / 1e3 / (rows - rows / 2);
        }
    }

    private static void bind(PreparedStatement ps, long now, boolean ordered) throws SQLException {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        String id;
        String requestId;
        if (ordered) {
            id = new UUID((now & 0xFFFF_FFFF_FFFFL) << 16 | 0x7000L | r.nextInt(1 << 12),
                    r.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L).toString();
            requestId = String.format("req_%012x%012x", now & 0xFFFF_FFFF_FFFFL, r.nextLong() & 0xFFFF_FFFF_FFFFL);
        } else {
            id = UUID.randomUUID().toString();
            requestId = String.format("req_%012x%012x", r.nextLong() & 0xFFFF_FFFF_FFFFL, r.nextLong() & 0xFFFF_FFFF_FFFFL);
        }
        var at = Instant.ofEpochMilli(now).atOffset(ZoneOffset.UTC);
        int i = 1;
        ps.setString(i++, id);
        ps.setString(i++, requestId);
        ps.setObject(i++, at);
        ps.setObject(i++, at);
        ps.setString(i++, "bench");
        ps.setString(i++, "chat-fast");
        ps.setString(i++, "sim-fast");
        ps.setString(i++, "bench");
        ps.setString(i++, "private");
        ps.setString(i++, "internal");
        ps.setString(i++, "");
        ps.setString(i++, "chat");
        ps.setBoolean(i++, true);
        ps.setLong(i++, 100);
        ps.setLong(i++, 16);
        ps.setBoolean(i++, false);
        ps.setBigDecimal(i++, new BigDecimal("0.0000123"));
        ps.setDouble(i++, 30.5);
        ps.setDouble(i++, 5.5);
        ps.setInt(i++, 200);
        ps.setString(i++, "ok");
        ps.setNull(i++, Types.VARCHAR);
        ps.setInt(i, 1);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
