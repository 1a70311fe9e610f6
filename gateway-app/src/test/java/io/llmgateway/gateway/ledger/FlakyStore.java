package io.llmgateway.gateway.ledger;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * A store that can be switched off (every call fails like a dead database) or made to lose the answer
 * of a committed insert (the batch is in the database but the writer sees an error).
 */
final class FlakyStore implements LedgerStore {

    private final LedgerStore real;
    volatile boolean down;
    volatile boolean loseNextCommitAnswer;

    FlakyStore(LedgerStore real) {
        this.real = real;
    }

    @Override
    public void migrate() throws SQLException {
        check();
        real.migrate();
    }

    @Override
    public void insert(List<UsageRecord> records) throws SQLException {
        check();
        real.insert(records);
        if (loseNextCommitAnswer) {
            loseNextCommitAnswer = false;
            throw new SQLTransientConnectionException("connection reset after commit (simulated)");
        }
    }

    @Override
    public List<UsageRow> aggregate(UsageQuery query) throws SQLException {
        check();
        return real.aggregate(query);
    }

    private void check() throws SQLException {
        if (down) {
            throw new SQLTransientConnectionException("database down (simulated)");
        }
    }

    @Override
    public void close() {
        real.close();
    }
}
