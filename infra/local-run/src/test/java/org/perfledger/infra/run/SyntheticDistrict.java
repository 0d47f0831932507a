package org.perfledger.infra.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.EventRow;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/**
 * A district's history made up for benchmarks, written as the event-log file PerfLedger imports (header, every event
 * with its link in the hash chain, end line): departments × years × plans (the department-wide plan and projects), each
 * plan through its year as the aggregate would record it (budget, goals, indicators, approval, spending, completions,
 * an adjustment, the close; the last year still in execution). Marked as made up in every department's name.
 */
final class SyntheticDistrict {

    private static final ObjectMapper JSON = EventEnvelopeCodec.mapper();
    private static final HexFormat HEX = HexFormat.of();
    private static final int INDICATORS = 8;

    private final DistrictId district;
    private final int departments;
    private final int firstYear;
    private final int years;
    private final int projects;
    private final int expenditures;
    private BufferedWriter out;
    private byte[] previous = EventRow.GENESIS;
    private long position;
    private Instant clock;

    SyntheticDistrict(String district, int departments, int firstYear, int years, int projects, int expenditures) {
        this.district = DistrictId.of(district);
        this.departments = departments;
        this.firstYear = firstYear;
        this.years = years;
        this.projects = projects;
        this.expenditures = expenditures;
    }

    /** How many events the file will hold. */
    long events() {
        long perPlan = 1 + 1 + 2 + INDICATORS + 2 + expenditures + INDICATORS + 1 + 1;
        long plans = (long) departments * years * (1 + projects);
        return 1 + 2L * years + years + departments + plans * perPlan - (long) departments * (1 + projects);
    }

    /** Writes the district's event log to the file; answers the number of events written. */
    long writeTo(Path file) throws IOException {
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out = writer;
            ObjectNode header = JSON.createObjectNode();
            header.put("record", "header").put("format", "perfledger.event-log").put("version", 1)
                    .put("district", district.value()).putNull("year");
            header.put("wholeChain", true).put("exportedAt", Instant.now().toString()).put("exportedBy", "benchmark");
            line(header);
            clock = LocalDate.of(firstYear, 1, 2).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
            append(Streams.district(district), 0, "District", new DistrictRegistered(district, "基准测试区（示例数据）"));
            ScoringScheme scheme = JSON.treeToValue(JSON.readTree(getClass().getResourceAsStream(
                    "/seed-data/003-qiaokou-2020.json")).get("schemes").get("project"), ScoringScheme.class);
            for (int d = 1; d <= departments; d++) {
                DepartmentId department = DepartmentId.of(district.value(), "d" + d);
                append(Streams.department(department), 0, "Department", new DepartmentRegistered(department,
                        "示例部门 " + d));
            }
            for (int y = firstYear; y < firstYear + years; y++) {
                FiscalYear year = FiscalYear.of(y);
                clock = LocalDate.of(y, 1, 2).atStartOfDay().toInstant(ZoneOffset.ofHours(8));
                for (EvaluationKind kind : EvaluationKind.values()) {
                    append(Streams.scheme(district, year, kind), 0, "ScoringSchemeBook",
                            new ScoringSchemeSet(district, year, kind, 1, scheme));
                }
                append(Streams.calendar(district, year), 0, "ReportingCalendar", new ReportingCalendarSet(district, year,
                        List.of(new MonitoringPeriod("H1", "上半年", LocalDate.of(y, 7, 15))), LocalDate.of(y + 1, 3, 31),
                        new Percentage(BigDecimal.TEN)));
                for (int d = 1; d <= departments; d++) {
                    DepartmentId department = DepartmentId.of(district.value(), "d" + d);
                    plan(PlanId.departmentWide(department, year), y);
                    for (int p = 1; p <= projects; p++) {
                        plan(PlanId.project(department, year, "P" + p), y);
                    }
                }
            }
            ObjectNode end = JSON.createObjectNode();
            end.put("record", "end").put("events", position).put("lastHash", HEX.formatHex(previous));
            line(end);
        }
        return position;
    }

    private void plan(PlanId plan, int year) throws IOException {
        String stream = Streams.plan(plan);
        long sequence = 0;
        append(stream, sequence++, "AnnualPlan", plan.departmentWide() ? new DepartmentPlanStarted(plan)
                : new ProjectRegistered(plan, "示例项目 " + plan.project(), List.of("示例单位"),
                ProjectCategory.DEPARTMENT_BUDGET, ProjectAttribute.CONTINUING, List.of(ProjectType.RECURRING), "行政政法科"));
        WanYuan budget = WanYuan.of("1000.00");
        append(stream, sequence++, "AnnualPlan", new BudgetOpened(plan, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET,
                budget), Map.of(), budget));
        for (int goal = 1; goal <= 2; goal++) {
            append(stream, sequence++, "AnnualPlan", new GoalAdded(plan, goal, "年度目标 " + goal));
        }
        for (int i = 1; i <= INDICATORS; i++) {
            append(stream, sequence++, "AnnualPlan", new IndicatorTargetSet(plan, new Indicator(new IndicatorCode("I"
                    + i), 1 + i % 2, IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "指标 " + i, Points.parse("10"),
                    Target.parse("100批次"))));
        }
        append(stream, sequence++, "AnnualPlan", new TargetsSubmitted(plan, 2, INDICATORS, BigDecimal.valueOf(80)));
        append(stream, sequence++, "AnnualPlan", new TargetsApproved(plan, null));
        BigDecimal spent = BigDecimal.ZERO;
        BigDecimal each = new BigDecimal("6.00");
        for (int i = 0; i < expenditures; i++) {
            spent = spent.add(each);
            append(stream, sequence++, "AnnualPlan", new ExpenditureRecorded(plan, new WanYuan(each),
                    LocalDate.of(year, 1 + i % 12, 15), ExpenditureClass.PROJECT, null, "支出 " + i, null,
                    new WanYuan(spent), budget, false));
        }
        for (int i = 1; i <= INDICATORS; i++) {
            append(stream, sequence++, "AnnualPlan", new CompletionRecorded(plan, new IndicatorCode("I" + i),
                    Target.parse((90 + i) + "批次"), null, LocalDate.of(year, 12, 20), null, null));
        }
        append(stream, sequence++, "AnnualPlan", new BudgetAdjusted(plan, 1, AdjustmentKind.REDUCTION,
                FundingSource.GENERAL_PUBLIC_BUDGET, null, WanYuan.of("50.00"), budget, WanYuan.of("950.00"),
                "按决算数调整", new DocumentNumber("示〔" + year + "〕8号"), LocalDate.of(year, 12, 25)));
        if (year < firstYear + years - 1) {
            append(stream, sequence, "AnnualPlan", new YearClosed(plan, budget, WanYuan.of("950.00"), WanYuan.ZERO,
                    new WanYuan(spent)));
        }
    }

    private void append(String stream, long sequence, String aggregateType, PerfLedgerEvent event) throws IOException {
        clock = clock.plusSeconds(1);
        String payload = JSON.writeValueAsString(event);
        String metadata = "{\"district\":\"" + district + "\",\"actor\":\"benchmark\",\"role\":\"DEPARTMENT_EDITOR\","
                + "\"correlationId\":\"" + UUID.randomUUID() + "\"}";
        EventRow row = new EventRow(0, UUID.randomUUID().toString(), stream, sequence, aggregateType, clock.toString(),
                EventCatalog.nameOf(event.getClass()), Integer.toString(EventCatalog.versionOf(event.getClass())),
                payload.getBytes(StandardCharsets.UTF_8), metadata.getBytes(StandardCharsets.UTF_8));
        byte[] hash = row.link(previous);
        ObjectNode line = JSON.createObjectNode();
        line.put("record", "event").put("position", ++position).put("eventIdentifier", row.eventIdentifier())
                .put("aggregateIdentifier", stream).put("sequenceNumber", sequence).put("aggregateType", aggregateType)
                .put("timeStamp", row.timeStamp()).put("payloadType", row.payloadType())
                .put("payloadRevision", row.payloadRevision()).put("payload", payload).put("metaData", metadata)
                .put("previousHash", HEX.formatHex(previous)).put("hash", HEX.formatHex(hash))
                .put("chainedAt", clock.toString());
        line(line);
        previous = hash;
    }

    private void line(ObjectNode node) {
        try {
            out.write(JSON.writeValueAsString(node));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
