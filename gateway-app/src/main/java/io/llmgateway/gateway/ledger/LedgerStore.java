package io.llmgateway.gateway.ledger;

import java.sql.SQLException;
import java.util.List;

/** Where ledger records end up. Inserts are idempotent by record id: writing a record twice keeps one row. */
public interface LedgerStore extends AutoCloseable {

    /** Creates or upgrades the schema; idempotent. */
    void migrate() throws SQLException;

    /** Inserts the records in one transaction, skipping ids already present. */
    void insert(List<UsageRecord> records) throws SQLException;

    /** Aggregates for {@code GET /admin/usage}. Blocking: call off the event loop. */
    List<UsageRow> aggregate(UsageQuery query) throws SQLException;

    @Override
    void close();
}
