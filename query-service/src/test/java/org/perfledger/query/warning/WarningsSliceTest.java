package org.perfledger.query.warning;

import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.event.Streams;
import java.math.BigDecimal;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.perfledger.infra.embedded.TestInfrastructure;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;
import org.perfledger.kernel.warning.WarningLevel;
import org.perfledger.query.SliceTest;

/**
 * Finance's warnings as the plan, the department's dashboard and the work queue show them: waiting for an answer
 * until the department gives one.
 */
class WarningsSliceTest extends SliceTest {

    @Test
    void aWarningWaitsOnTheDashboardAndInTheQueueUntilItIsAnswered() throws Exception {
        PlanId plan = PlanId.departmentWide(DepartmentId.of("warned", "scjgj"), FiscalYear.of(2020));
        String path = "/api/v1/districts/warned/departments/scjgj/years/2020";
        String finance = TestInfrastructure.issuer().token("finance", "warned", null, List.of("DISTRICT_FINANCE"));
        project(Streams.calendar(DistrictId.of("warned"), FiscalYear.of(2020)), 0, new ReportingCalendarSet(
                DistrictId.of("warned"), FiscalYear.of(2020), List.of(), LocalDate.of(2021, 3, 31),
                new Percentage(new BigDecimal("10"))), "warned");
        project(plan.aggregateId(), 0, new DepartmentPlanStarted(plan), "warned");
        project(plan.aggregateId(), 1, new WarningIssued(plan, 1, WarningLevel.CAUTION, "执行率严重滞后",
                LocalDate.of(2020, 9, 30)), "warned");
        JsonNode warning = read(path + "/department", finance).get("warnings").get(0);
        assertThat(warning.get("level").get("label").asText()).isEqualTo("警示");
        assertThat(warning.get("respondBy").asText()).isEqualTo("2020-09-30");
        assertThat(warning.get("response").isNull()).isTrue();
        JsonNode items = read(path + "/dashboard", finance).get("plans").get(0).get("openItems");
        assertThat(items.findValuesAsText("kind")).contains("warning-unanswered");
        assertThat(items.findValuesAsText("detail")).contains("1|2020-09-30");
        JsonNode queue = read("/api/v1/districts/warned/years/2020/work", finance);
        assertThat(queue.findValuesAsText("task")).contains("answer-warning");
        // what is due: the answer, by its day, late on a day after it
        String due = "/api/v1/districts/warned/years/2020/due?asOf=2020-10-08";
        assertThat(read(due, finance).toString()).contains("\"item\":\"warning 1\",\"due\":\"2020-09-30\","
                + "\"status\":\"late\"");

        project(plan.aggregateId(), 2, new WarningAnswered(plan, 1, "已加快进度"), "warned");
        assertThat(read(path + "/department", finance).get("warnings").get(0).get("response").asText())
                .isEqualTo("已加快进度");
        assertThat(read(path + "/dashboard", finance).get("plans").get(0).get("openItems").findValuesAsText("kind"))
                .doesNotContain("warning-unanswered");
        assertThat(read("/api/v1/districts/warned/years/2020/work", finance).findValuesAsText("task"))
                .doesNotContain("answer-warning");
        assertThat(read(due, finance).toString()).contains("\"item\":\"warning 1\",\"due\":\"2020-09-30\","
                + "\"status\":\"done\"");
    }
}
