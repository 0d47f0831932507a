package org.perfledger.command.eventstore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.perfledger.command.CommandServiceTestBase;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;

/**
 * An event stored in an older shape is read as the current one: a version-1 {@code YearClosed} (before it recorded its
 * 执行率), written into the event store as a row of that time would be, comes back from Axon's event store as version
 * 2 with the rate derived from its own figures; the plan loaded from it is closed; the stored row stays as it was.
 */
class UpcastingTest extends CommandServiceTestBase {

    @Autowired
    EventStore eventStore;

    @Autowired
    @Qualifier("annualPlanCache")
    Cache cache;

    @Test
    void aStoredVersionOneYearClosedReadsAsTheCurrentVersion() throws Exception {
        String department = newDepartment("caidian");
        String plan = "/api/v1/districts/caidian/departments/" + department + "/years/2020/department";
        String aggregate = "caidian/" + department + "/2020/department";
        assertThat(post(plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"6352.76\"}}").statusCode()).isEqualTo(201);
        post(plan + "/goals", "{\"text\":\"加强食品安全监管\"}");
        post(plan + "/indicators", """
                {"code":"CD.CJ","goal":1,"level1":"产出指标","level2":"数量指标","name":"食品抽检","weight":"10","target":"1426批次"}""");
        post(plan + "/targets/submission", null);
        post(plan + "/targets/approval", null);
        assertThat(post(plan + "/budget/expenditures", "{\"amount\":\"6273.65\",\"date\":\"2020-12-20\","
                + "\"expenditureClass\":\"项目支出\",\"description\":\"全年支出\"}").statusCode()).isEqualTo(201);

        // seed 000: 蔡甸 2020, 6273.65 of 6352.76; the payload as version 1 wrote it, without executionRate
        long next = jdbc.queryForObject("SELECT max(sequence_number) + 1 FROM domain_event_entry "
                + "WHERE aggregate_identifier = ?", Long.class, aggregate);
        String payloadV1 = "{\"plan\":{\"department\":{\"district\":\"caidian\",\"code\":\"" + department + "\"},"
                + "\"year\":2020,\"project\":null},\"initialBudget\":\"6352.76\",\"adjustedBudget\":\"6352.76\","
                + "\"received\":\"0.00\",\"executed\":\"6273.65\"}";
        String metadata = "{\"district\":\"caidian\",\"actor\":\"caidian.finance\",\"role\":\"DISTRICT_FINANCE\","
                + "\"correlationId\":\"" + UUID.randomUUID() + "\"}";
        jdbc.update("""
                INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type, time_stamp,
                                                payload_type, payload_revision, payload, meta_data)
                VALUES (?, ?, ?, 'AnnualPlan', ?, 'YearClosed', '1', convert_to(?, 'UTF8'), convert_to(?, 'UTF8'))""",
                UUID.randomUUID().toString(), aggregate, next, Instant.now().toString(), payloadV1, metadata);
        cache.removeAll();

        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(aggregate).asStream().toList();
        DomainEventMessage<?> last = events.get(events.size() - 1);
        assertThat(last.getSequenceNumber()).isEqualTo(next);
        assertThat(last.getPayload()).isInstanceOf(YearClosed.class);
        YearClosed closed = (YearClosed) last.getPayload();
        assertThat(closed.executionRate().rounded(2)).isEqualByComparingTo("98.75");
        assertThat(closed.executed().amount()).isEqualByComparingTo("6273.65");

        // the plan, loaded cold from its history, is closed: spending is refused naming the phase
        HttpResponse<String> late = post(plan + "/budget/expenditures", "{\"amount\":\"1.00\",\"date\":\"2020-12-31\","
                + "\"expenditureClass\":\"项目支出\",\"description\":\"补记\"}");
        assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
        assertThat(late.body()).contains("CLOSED");

        // the stored row is untouched (its hash-chain link still holds); the event log describes it as version 2
        assertThat(jdbc.queryForObject("SELECT payload_revision || ':' || convert_from(payload, 'UTF8') FROM "
                + "domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?", String.class, aggregate,
                next)).isEqualTo("1:" + payloadV1);
        HttpResponse<String> log = send("GET", "/api/v1/districts/caidian/event-log?department=" + department
                + "&year=2020&plan=department", null);
        JsonNode entries = JSON.readTree(log.body()).get("items");
        JsonNode closedEntry = entries.get(entries.size() - 1);
        assertThat(closedEntry.get("type").asText()).isEqualTo("YearClosed");
        assertThat(closedEntry.get("description").asText()).contains("执行率 98.75%");
        assertThat(closedEntry.get("payload").has("executionRate")).isFalse();
    }
}
