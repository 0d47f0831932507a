package org.perfledger.query.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.query.TestServers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL itself keeps districts apart: a read run as {@link TenantReads} sees only its district's rows even when
 * its SQL has no district filter at all, and a read as the reader role without a district sees nothing.
 */
@SpringBootTest(properties = {"spring.config.name=query-service", "spring.kafka.listener.auto-startup=false"})
class RowLevelSecurityTest {

    private static final String DATABASE = TestInfrastructure.postgres().newDatabase("rls");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TenantReads reads;
    @Autowired
    PlatformTransactionManager transactions;

    @DynamicPropertySource
    static void servers(DynamicPropertyRegistry registry) {
        TestServers.register(registry, DATABASE, "perfledger.events.rls-" + UUID.randomUUID());
    }

    @BeforeEach
    void twoDistricts() {
        jdbc.update("DELETE FROM department");
        jdbc.update("DELETE FROM plan");
        for (String district : List.of("caidian", "hanyang")) {
            jdbc.update("INSERT INTO department (district, department_id, name, registered_at, registered_by) "
                    + "VALUES (?, 'scjgj', ?, now(), 'test')", district, district + "市场监督管理局");
            jdbc.update("INSERT INTO plan (district, department_id, fiscal_year, plan_key, kind, phase, version, "
                    + "updated_at, executed) VALUES (?, 'scjgj', 2020, 'department', 'DEPARTMENT', 'IN_EXECUTION', 1, "
                    + "now(), ?)", district, district.equals("caidian") ? 6273.65 : 999.99);
        }
    }

    @Test
    void aQueryThatForgetsItsDistrictFilterStillSeesOnlyItsDistrict() {
        List<String> departments = reads.inDistrict("caidian",
                () -> jdbc.queryForList("SELECT district FROM department", String.class));
        List<String> spending = reads.inDistrict("caidian",
                () -> jdbc.queryForList("SELECT executed::text FROM plan", String.class));

        assertThat(departments).containsExactly("caidian");
        assertThat(spending).containsExactly("6273.65");
        assertThat(reads.inDistrict("hanyang", () -> jdbc.queryForList("SELECT district FROM plan", String.class)))
                .containsExactly("hanyang");
    }

    @Test
    void theReaderRoleWithoutADistrictSeesNothing() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        List<String> seen = transaction.execute(status -> {
            jdbc.execute("SET LOCAL ROLE perfledger_reader");
            return jdbc.queryForList("SELECT district FROM department", String.class);
        });
        assertThat(seen).isEmpty();
    }

    @Test
    void theReaderRoleCannotWrite() {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        Throwable refused = catchThrowable(() -> transaction.executeWithoutResult(
                status -> {
                    jdbc.execute("SET LOCAL ROLE perfledger_reader");
                    jdbc.update("UPDATE plan SET executed = 0");
                }));
        assertThat(refused).rootCause().hasMessageContaining("permission denied");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM plan WHERE executed = 0", Integer.class)).isZero();
    }
}
