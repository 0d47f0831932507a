package org.perfledger.command.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * A plan with a long year (hundreds of expenditures) keeps answering from a snapshot plus the events after it: the
 * snapshot is written as the history grows, and a plan loaded cold from it carries on with exact totals.
 */
class LongHistoryTest extends CommandServiceTestBase {

    @Autowired
    @Qualifier("annualPlanCache")
    Cache cache;

    @Autowired
    EventStore eventStore;

    @Test
    void aPlanLoadedFromItsSnapshotCarriesOnWithExactTotals() throws Exception {
        String department = newDepartment("caidian");
        String plan = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}").statusCode()).isEqualTo(201);
        post(plan + "/goals", "{\"text\":\"加强食品安全监管\"}");
        post(plan + "/indicators", """
                {"code":"CD.CJ","goal":1,"level1":"产出指标","level2":"数量指标","name":"食品抽检","weight":"10","target":"1426批次"}""");
        post(plan + "/targets/submission", null);
        post(plan + "/targets/approval", null);
        for (int i = 0; i < 250; i++) {
            HttpResponse<String> spent = post(plan + "/budget/expenditures", "{\"amount\":\"10.01\",\"date\":\"2020-"
                    + String.format("%02d", 1 + i % 12) + "-15\",\"expenditureClass\":\"公用经费\",\"description\":\"日常公用\"}");
            assertThat(spent.statusCode()).as(spent.body()).isEqualTo(201);
        }
        String aggregate = "caidian/" + department + "/2020/department";
        Long snapshotAt = jdbc.queryForObject(
                "SELECT max(sequence_number) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Long.class,
                aggregate);
        assertThat(snapshotAt).as("a snapshot well into the history").isNotNull().isGreaterThanOrEqualTo(100L);

        // Read as a cold load reads it: the snapshot first (it would be skipped with a warning if unreadable).
        var stream = eventStore.readEvents(aggregate);
        var first = stream.next();
        assertThat(first.getPayload()).isInstanceOf(AnnualPlan.class);
        assertThat(first.getSequenceNumber()).isEqualTo(snapshotAt);

        cache.removeAll();
        HttpResponse<String> next = post(plan + "/budget/expenditures",
                "{\"amount\":\"0.10\",\"date\":\"2020-12-31\",\"expenditureClass\":\"人员经费\",\"description\":\"补发\"}");

        assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(next.body());
        assertThat(body.get("executedTotal").asText()).isEqualTo("2502.60");
        assertThat(body.get("version").asLong()).isEqualTo(256);
    }

    /**
     * A snapshot in the layout before the plan's parts became aggregate members (no revision; budget, targets and
     * rounds at the root) is passed over: the plan loads from its events, and nothing of the old snapshot leaks in.
     */
    @Test
    void aSnapshotOfAnEarlierLayoutIsPassedOverAndThePlanLoadsFromItsEvents() throws Exception {
        String department = newDepartment("caidian");
        String plan = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"100.00\"}}").statusCode())
                .isEqualTo(201);
        post(plan + "/goals", "{\"text\":\"加强食品安全监管\"}");
        post(plan + "/indicators", """
                {"code":"CD.CJ","goal":1,"level1":"产出指标","level2":"数量指标","name":"食品抽检","weight":"10","target":"1426批次"}""");
        post(plan + "/targets/submission", null);
        post(plan + "/targets/approval", null);
        String aggregate = "caidian/" + department + "/2020/department";
        // as the earlier layout wrote it at sequence 4, with figures the events never said
        jdbc.update("""
                INSERT INTO snapshot_event_entry (aggregate_identifier, sequence_number, type, event_identifier, payload,
                                                  payload_revision, payload_type, time_stamp)
                VALUES (?, 4, 'AnnualPlan', ?, convert_to(?, 'UTF8'), NULL, ?, '2020-01-01T00:00:00Z')""",
                aggregate, java.util.UUID.randomUUID().toString(), "{\"id\":\"" + aggregate + "\",\"phase\":\"IN_EXECUTION\","
                        + "\"version\":4,\"budgetOpened\":true,\"initialBudget\":\"999.00\",\"adjustedBudget\":\"999.00\","
                        + "\"executed\":\"0.00\"}", AnnualPlan.class.getName());
        cache.removeAll();

        HttpResponse<String> spent = post(plan + "/budget/expenditures", "{\"amount\":\"150.00\",\"date\":"
                + "\"2020-06-30\",\"expenditureClass\":\"公用经费\",\"description\":\"超出预算\"}");

        // the budget is the events' 100.00, not the old snapshot's 999.00: this payment needs a confirmation
        assertThat(spent.statusCode()).as(spent.body()).isEqualTo(422);
        assertThat(spent.body()).contains("expenditure.over-budget", "100.00");
    }
}
