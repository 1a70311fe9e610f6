package io.llmgateway.gateway.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A usage aggregation: rows of {@code [from, to)}, optionally one app, grouped by some dimensions.
 *
 * @param app     only this app, or null for all
 * @param from    inclusive start
 * @param to      exclusive end
 * @param groupBy dimensions, in order (may be empty: one total row)
 */
public record UsageQuery(String app, Instant from, Instant to, List<Dimension> groupBy) {

    public UsageQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("'from' (" + from + ") must be before 'to' (" + to + ")");
        }
        groupBy = List.copyOf(groupBy);
    }

    /** What usage can be grouped by: a whitelisted column or time bucket, never free SQL. */
    public enum Dimension {
        APP("app"), MODEL("model"), DEPLOYMENT("deployment"), POOL("pool"), ZONE("zone"), DATA_CLASS("data_class"),
        OPERATION("operation"), OUTCOME("outcome"),
        DAY("date_trunc('day', started_at AT TIME ZONE 'UTC')"), HOUR("date_trunc('hour', started_at AT TIME ZONE 'UTC')");

        private final String sql;

        Dimension(String sql) {
            this.sql = sql;
        }

        String sql() {
            return sql;
        }

        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean time() {
            return this == DAY || this == HOUR;
        }

        /** Parses {@code app,model,day} (also {@code data-class}); unknown names are an error naming the allowed ones. */
        public static List<Dimension> parseList(String text) {
            List<Dimension> out = new ArrayList<>();
            if (text == null || text.isBlank()) {
                return out;
            }
            for (String part : text.split(",")) {
                String n = part.strip().toLowerCase(Locale.ROOT).replace('-', '_');
                Dimension d = null;
                for (Dimension c : values()) {
                    if (c.key().equals(n)) {
                        d = c;
                    }
                }
                if (d == null) {
                    throw new IllegalArgumentException("unknown group-by '" + part.strip() + "' (allowed: app, model, "
                            + "deployment, pool, zone, data-class, operation, outcome, day, hour)");
                }
                if (!out.contains(d)) {
                    out.add(d);
                }
            }
            return out;
        }
    }
}
