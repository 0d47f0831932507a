package org.perfledger.query.platform;

import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a read inside one read-only transaction as the database role {@code perfledger_reader}, with the district
 * set for that transaction: PostgreSQL's row-level security then shows only that district's rows, whatever the SQL
 * inside forgets to filter.
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
            jdbc.execute("SET LOCAL ROLE perfledger_reader");
            jdbc.queryForObject("SELECT set_config('perfledger.district', ?, true)", String.class, district);
            return read.get();
        });
    }
}
