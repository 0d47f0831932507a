package org.perfledger.query.platform;

import java.sql.PreparedStatement;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read inside one read-only transaction as the database role {@code perfledger_reader}, with the district
 * set for that transaction: PostgreSQL's row-level security then shows only that district's rows, whatever the SQL
 * inside forgets to filter. A read that starts its transaction reads one snapshot (REPEATABLE READ): a view made of
 * several queries never mixes rows from before and after a projection batch, and a read-only transaction at that
 * level is never refused for a conflict. The three settings go to the database in one round trip.
 */
@Component
public class TenantReads {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public TenantReads(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setReadOnly(true);
    }

    public <T> T inDistrict(String district, Supplier<T> read) {
        return transactions.execute(status -> {
            // inside a transaction already begun (a view as of an instant, on its temporary tables) queries have run,
            // and the isolation can no longer be set
            jdbc.execute((status.isNewTransaction() ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ; " : "")
                    + "SET LOCAL ROLE perfledger_reader; SELECT set_config('perfledger.district', ?, true)",
                    (PreparedStatement settings) -> {
                        settings.setString(1, district);
                        return settings.execute();
                    });
            return read.get();
        });
    }
}
