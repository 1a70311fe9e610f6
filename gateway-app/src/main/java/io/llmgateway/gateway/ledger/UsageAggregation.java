package io.llmgateway.gateway.ledger;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL behind {@code GET /admin/usage}; group columns come only from {@link UsageQuery.Dimension}. */
final class UsageAggregation {

    private UsageAggregation() {
    }

    static List<UsageRow> run(Connection c, UsageQuery q) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT ");
        List<String> exprs = q.groupBy().stream().map(UsageQuery.Dimension::sql).toList();
        for (String e : exprs) {
            sql.append(e).append(", ");
        }
        sql.append("COUNT(*), COALESCE(SUM(prompt_tokens), 0), COALESCE(SUM(completion_tokens), 0), ")
                .append("COALESCE(SUM(cost_usd), 0), COALESCE(SUM(CASE WHEN outcome = 'served' THEN 0 ELSE 1 END), 0), ")
                .append("COALESCE(AVG(duration_ms), 0) FROM usage_ledger WHERE started_at >= ? AND started_at < ?");
        if (q.app() != null) {
            sql.append(" AND app = ?");
        }
        if (!exprs.isEmpty()) {
            String list = String.join(", ", exprs);
            sql.append(" GROUP BY ").append(list).append(" ORDER BY ").append(list);
        }
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setObject(1, q.from().atOffset(ZoneOffset.UTC));
            ps.setObject(2, q.to().atOffset(ZoneOffset.UTC));
            if (q.app() != null) {
                ps.setString(3, q.app());
            }
            List<UsageRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs, q));
                }
            }
            return rows;
        }
    }

    private static UsageRow row(ResultSet rs, UsageQuery q) throws SQLException {
        Map<String, String> group = new LinkedHashMap<>();
        int i = 1;
        for (UsageQuery.Dimension d : q.groupBy()) {
            if (d.time()) {
                LocalDateTime t = rs.getObject(i++, LocalDateTime.class);
                group.put(d.key(), t == null ? null : t.toInstant(ZoneOffset.UTC).toString());
            } else {
                group.put(d.key(), rs.getString(i++));
            }
        }
        long requests = rs.getLong(i++);
        long prompt = rs.getLong(i++);
        long completion = rs.getLong(i++);
        BigDecimal cost = rs.getBigDecimal(i++);
        long failed = rs.getLong(i++);
        double avg = rs.getDouble(i);
        return new UsageRow(group, requests, prompt, completion, cost == null ? BigDecimal.ZERO : cost.stripTrailingZeros(),
                failed, avg);
    }
}
