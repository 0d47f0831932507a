package org.perfledger.query.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.perfledger.query.SliceTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The temporary copies a view as of an instant replays into stay with the pooled connection that made them, and never
 * hide a live table outside such a view: the reads, the projections and the rebuild on that connection still reach
 * the read-model schema. A pooled connection opens with its copies made. Everything here runs on one connection of
 * the service's pool, as it is handed out.
 */
class TemporaryCopiesTest extends SliceTest {

    @Autowired
    DataSource pool;

    @Test
    void copiesMadeOnceStayEmptyAndHideNothingOutsideAView() throws Exception {
        long livePlans = jdbc.queryForObject("SELECT count(*) FROM readmodel.plan", Long.class);
        assertThat(livePlans).isPositive();
        try (Connection pooled = pool.getConnection()) {
            SingleConnectionDataSource one = new SingleConnectionDataSource(pooled, true);
            JdbcTemplate onOne = new JdbcTemplate(one);
            ReadModelTables tables = new ReadModelTables(onOne, "readmodel");
            TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(one));

            // the connection's own path names the read models first, and it opened with the copies made
            assertThat(onOne.queryForObject("SHOW search_path", String.class)).isEqualTo("readmodel, pg_temp");
            assertThat(onOne.queryForObject("SELECT to_regclass('pg_temp.plan') IS NOT NULL", Boolean.class)).isTrue();
            assertThat(onOne.queryForObject("""
                    SELECT count(*) FROM pg_class WHERE relnamespace = pg_my_temp_schema() AND relkind = 'r'""",
                    Long.class)).isEqualTo(tables.projections("readmodel").size());

            // one that has lost them (as one opened before the read tables existed has none) makes them in its first
            // view, which commits to keep them; what that view wrote there is gone at its commit
            onOne.execute("DISCARD TEMP");
            Boolean madeFirst = transaction.execute(status -> {
                boolean made = tables.shadowWithTemporaryCopies();
                assertThat(onOne.queryForObject("SELECT count(*) FROM plan", Long.class)).isZero();
                onOne.update("INSERT INTO district VALUES ('zz', '临时', now(), 'test')");
                assertThat(onOne.queryForObject("SELECT count(*) FROM district WHERE district = 'zz'", Long.class))
                        .isOne();
                return made;
            });
            assertThat(madeFirst).isTrue();
            assertThat(onOne.queryForObject("SELECT to_regclass('pg_temp.plan') IS NOT NULL", Boolean.class)).isTrue();

            // the next view on the connection finds them, empty, and makes nothing
            Boolean madeAgain = transaction.execute(status -> {
                status.setRollbackOnly();
                boolean made = tables.shadowWithTemporaryCopies();
                assertThat(onOne.queryForObject("SELECT count(*) FROM district", Long.class)).isZero();
                assertThat(onOne.queryForObject("SELECT count(*) FROM plan", Long.class)).isZero();
                return made;
            });
            assertThat(madeAgain).isFalse();

            // outside a view, unqualified names are the live tables, in and out of transactions, and so is a rebuild's
            // path into a schema of its own
            assertThat(onOne.queryForObject("SELECT count(*) FROM plan", Long.class)).isEqualTo(livePlans);
            assertThat(onOne.queryForObject("SELECT count(*) FROM district WHERE district = 'zz'", Long.class))
                    .isZero();
            transaction.executeWithoutResult(status -> {
                onOne.execute("SET LOCAL search_path TO " + ReadModelTables.searchPath("readmodel"));
                assertThat(onOne.queryForObject("SELECT count(*) FROM plan", Long.class)).isEqualTo(livePlans);
            });
        }
    }
}
