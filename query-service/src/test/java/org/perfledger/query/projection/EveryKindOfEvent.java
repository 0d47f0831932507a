package org.perfledger.query.projection;


import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;
import org.perfledger.kernel.warning.WarningLevel;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.results.RectificationEvents.RectificationClosed;
import org.perfledger.kernel.results.RectificationEvents.RectificationRaised;
import org.perfledger.kernel.results.RectificationEvents.RectificationReported;
import org.perfledger.kernel.results.RectificationEvents.RectificationReturned;
import org.perfledger.kernel.results.ResultEvents.BudgetBasedOnResults;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationAccepted;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationCommissioned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationPublished;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReturned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.results.ResultEvents.ResultUseRulesSet;
import org.perfledger.kernel.results.ResultRule;
import org.perfledger.kernel.library.TargetBasis;
import org.perfledger.kernel.warning.FundsHold;
import java.util.TreeMap;
import org.perfledger.kernel.assessment.AssessmentEvents.Statement;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSubmitted;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSchemeSet;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentConcluded;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentConclusion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.perfledger.kernel.budget.AdjustmentKind;
import org.perfledger.kernel.budget.AdjustmentPart;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjustmentNoted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.budget.DocumentNumber;
import org.perfledger.kernel.budget.ExpenditureClass;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.evaluation.PrintedFigure;
import org.perfledger.kernel.event.EventCatalog;
import org.perfledger.kernel.event.EventEnvelope;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.organisation.StaffCategory;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.LibraryRef;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoalsStated;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorProgress;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorAddedAtSelfEvaluation;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.TotalScore;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.StaffingStated;
import org.perfledger.kernel.plan.PlanEvents.SubProjectsStated;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/**
 * A district's history with every kind of event in it, two plans and the organisation around them, in the order a
 * store would deliver it: the projection's tests apply it whole, in batches and event by event.
 */
public final class EveryKindOfEvent {

    private final List<EventEnvelope> events = new ArrayList<>();
    private final Map<String, Long> sequences = new HashMap<>();
    private Instant clock = Instant.parse("2020-01-02T01:00:00.123456Z");

    private void append(String stream, PerfLedgerEvent event) throws Exception {
        long sequence = sequences.merge(stream, 1L, Long::sum) - 1;
        clock = clock.plusSeconds(3_600);
        events.add(new EventEnvelope(UUID.randomUUID().toString(), EventCatalog.nameOf(event.getClass()),
                EventCatalog.versionOf(event.getClass()), "Aggregate", stream, sequence, events.size() + 1, clock,
                Map.of("district", "caidian", "actor", "li.si\t\"引号\"\\", "correlationId", "c-" + events.size()),
                EventEnvelopeCodec.mapper().writeValueAsString(event)));
    }

    private static Target target(String text) {
        return Target.parse(text);
    }

    /** The events, with the figures of seed 000 (蔡甸 2020) and seed 001 (东湖 2018). */
    public static List<EventEnvelope> events() {
        try {
            EveryKindOfEvent history = new EveryKindOfEvent();
            history.build();
            return history.events;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void build() throws Exception {
        // seed 000 (蔡甸 2020) and seed 001 (东湖 2018) figures, one department-wide plan and one project
        DistrictId caidian = DistrictId.of("caidian");
        FiscalYear year = FiscalYear.of(2020);
        DepartmentId department = DepartmentId.of("caidian", "scjgj");
        PlanId wide = PlanId.departmentWide(department, year);
        PlanId project = PlanId.project(department, year, "SPAQ");
        ScoringScheme scheme = EventEnvelopeCodec.mapper().readValue("""
                {"execution": {"weight": 20, "base": "INITIAL", "capped": true, "bands": []}, "partialCredit": 50,
                 "shortfallBands": [], "overrides": {}, "grades": [{"grade": "EXCELLENT", "atLeast": 90},
                 {"grade": "GOOD", "atLeast": 80}, {"grade": "FAIR", "atLeast": 60}, {"grade": "POOR", "atLeast": 0}],
                 "precision": {"rateDecimals": 2, "scoreDecimals": 2}}""", ScoringScheme.class);
        append(Streams.district(caidian), new DistrictRegistered(caidian, "蔡甸区"));
        append(Streams.department(department), new DepartmentRegistered(department, "武汉市蔡甸区市场监督管理局"));
        append(Streams.calendar(caidian, year), new ReportingCalendarSet(caidian, year, List.of(new MonitoringPeriod(
                "H1", "上半年", LocalDate.of(2020, 7, 15))), LocalDate.of(2021, 3, 31), new Percentage(new BigDecimal("10"))));
        append(Streams.calendar(caidian, year), new ReportingCalendarSet(caidian, year, List.of(new MonitoringPeriod(
                "H1", "上半年", LocalDate.of(2020, 7, 20))), LocalDate.of(2021, 3, 31), new Percentage(new BigDecimal("15"))));
        append(Streams.scheme(caidian, year, EvaluationKind.PROJECT), new ScoringSchemeSet(caidian, year,
                EvaluationKind.PROJECT, 1, scheme));
        append(Streams.scheme(caidian, year, EvaluationKind.PROJECT), new ScoringSchemeSet(caidian, year,
                EvaluationKind.PROJECT, 2, scheme));
        append(Streams.scheme(caidian, year, EvaluationKind.EXTERNAL), new ScoringSchemeSet(caidian, year,
                EvaluationKind.EXTERNAL, 1, scheme));
        append(Streams.assessmentScheme(caidian, year), new AssessmentSchemeSet(caidian, year, 1, TWENTY_EACH,
                "《预算绩效评估管理办法》"));
        append(Streams.libraryIndicator(caidian, new IndicatorCode("SC.CJPC")), new LibraryIndicatorDefined(caidian,
                new IndicatorCode("SC.CJPC"), 1, LibraryKind.SECTOR, "市场监管", IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUANTITY, "食品抽检批次", "批次", Direction.HIGHER_IS_BETTER, TargetBasis.HISTORICAL,
                "按上年抽检批次确定"));
        append(Streams.libraryIndicator(caidian, new IndicatorCode("GX.OLD")), new LibraryIndicatorDefined(caidian,
                new IndicatorCode("GX.OLD"), 1, LibraryKind.COMMON, null, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.TIMELINESS, "完成及时性", null, Direction.HIGHER_IS_BETTER, TargetBasis.PLANNED, null));
        append(Streams.libraryIndicator(caidian, new IndicatorCode("GX.OLD")), new LibraryIndicatorRetired(caidian,
                new IndicatorCode("GX.OLD"), "并入其他指标"));
        append(Streams.resultsScheme(caidian, year), new ResultUseRulesSet(caidian, year, 1, Map.of(Grade.EXCELLENT,
                ResultRule.parse("优先保障"), Grade.GOOD, ResultRule.parse("据实安排"), Grade.FAIR,
                ResultRule.parse("压减 10%"), Grade.POOR, ResultRule.parse("取消")), "蔡财绩〔2020〕9号"));
        append(Streams.warningScheme(caidian, year), new MonitoringThresholdsSet(caidian, year, 1,
                new Percentage(new BigDecimal("3")), new Percentage(new BigDecimal("8")), "蔡财绩〔2020〕1号"));

        String w = wide.aggregateId();
        append(w, new DepartmentPlanStarted(wide));
        append(w, new BudgetOpened(wide, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("6352.76")),
                Map.of(ExpenditureClass.PERSONNEL, WanYuan.of("5000.00"), ExpenditureClass.PROJECT,
                        WanYuan.of("1352.76")), WanYuan.of("6352.76")));
        append(w, new GoalAdded(wide, 1, "加强食品安全监管\n（第二行）"));
        append(w, new IndicatorTargetSet(wide, new Indicator(new IndicatorCode("CD.CJ"), 1, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUANTITY, "食品抽检", Points.parse("10"), target("1426批次"))));
        append(w, new TargetsSubmitted(wide, 1, 1, new BigDecimal("10")));
        append(w, new TargetsReturned(wide, "目标值偏低"));
        append(w, new IndicatorTargetSet(wide, new Indicator(new IndicatorCode("CD.CJ"), 1, IndicatorLevel1.OUTPUT,
                IndicatorLevel2.QUANTITY, "食品抽检批次", Points.parse("12"), target("≥1500批次"), null,
                new LibraryRef(new IndicatorCode("SC.CJPC"), 1))));
        append(w, new TargetsSubmitted(wide, 1, 1, new BigDecimal("12")));
        append(w, new TargetsApproved(wide, null));
        append(w, new FundsReceived(wide, WanYuan.of("6000.00"), FundingSource.GENERAL_PUBLIC_BUDGET,
                LocalDate.of(2020, 3, 1), "第一批", WanYuan.of("6000.00")));
        append(w, new BudgetAdjusted(wide, 1, AdjustmentKind.REDUCTION, FundingSource.GENERAL_PUBLIC_BUDGET,
                ExpenditureClass.PROJECT, WanYuan.of("79.11"), WanYuan.of("6352.76"), WanYuan.of("6273.65"),
                "按决算数调整", new DocumentNumber("蔡财预〔2020〕88号"), LocalDate.of(2020, 12, 20)));
        append(w, new StaffingStated(wide, Map.of(StaffCategory.IN_SERVICE, 168, StaffCategory.ADMINISTRATIVE, 108,
                StaffCategory.PUBLIC_SERVICE_MANAGED, 7, StaffCategory.OTHER_INSTITUTION, 53)));
        append(w, new ExpenditureRecorded(wide, WanYuan.of("5184.55"), LocalDate.of(2020, 12, 31),
                ExpenditureClass.PERSONNEL, null, "基本支出", "记-1231", WanYuan.of("5184.55"), WanYuan.of("6273.65"),
                false));
        append(w, new ExpenditureCorrected(wide, WanYuan.of("0.55"), LocalDate.of(2020, 12, 31),
                ExpenditureClass.PERSONNEL, null, "重复计提", "记-1231", WanYuan.of("5184.00"), WanYuan.of("6273.65"),
                false));
        append(w, new CompletionRecorded(wide, new IndicatorCode("CD.CJ"), target("1426批次"), "全年完成", LocalDate.of(
                2020, 12, 31), "抽检台账", null));
        append(w, new MonitoringReportSubmitted(wide, "H1", LocalDate.of(2020, 6, 30), WanYuan.of("6352.76"),
                WanYuan.of("3000.00"), List.of(new IndicatorProgress(new IndicatorCode("CD.CJ"), "700批次", "-2%",
                "加快进度")), "进度略慢", "加快抽检"));
        append(w, new TargetAdjustmentRequested(wide, 1, new IndicatorCode("CD.CJ"), target("≥1400批次"),
                Points.parse("12"), "任务调整"));
        append(w, new TargetAdjustmentApproved(wide, 1, new IndicatorCode("CD.CJ"), target("≥1500批次"),
                target("≥1400批次"), Points.parse("12"), Points.parse("12"), "同意"));
        append(w, new TargetAdjustmentRequested(wide, 2, new IndicatorCode("CD.CJ"), target("≥1300批次"),
                Points.parse("10"), "再次调整"));
        append(w, new TargetAdjustmentRejected(wide, 2, new IndicatorCode("CD.CJ"), "理由不足"));
        append(w, new YearClosed(wide, WanYuan.of("6352.76"), WanYuan.of("6273.65"), WanYuan.of("6000.00"),
                WanYuan.of("5184.00")));
        append(w, new SelfEvaluationSubmitted(wide, 1, List.of(new IndicatorEvaluation(new IndicatorCode("CD.CJ"),
                Points.parse("12"), new BigDecimal("1.8571428571"), null)), TotalScore.parse("96.25"), Grade.EXCELLENT,
                new BigDecimal("82.6316843"), Points.parse("16.53"), 2, "无", "加强管理", "用于预算安排", "公开",
                List.of(new PrintedFigure("资金到位率", PrintedFigure.Kind.FUNDING_RATE, null, new BigDecimal("94.4"),
                        List.of()), new PrintedFigure("CD 占全年任务", PrintedFigure.Kind.QUOTIENT, null,
                        new BigDecimal("118"), List.of(new BigDecimal("434"), new BigDecimal("367"))))));
        append(w, new SelfEvaluationReturned(wide, 1, "请补充偏差原因"));
        append(w, new SelfEvaluationSubmitted(wide, 2, List.of(), TotalScore.parse("96.25"), Grade.EXCELLENT, null, null,
                2, "补充", "加强管理", "用于预算安排", "公开", List.of()));
        append(w, new SelfEvaluationAccepted(wide, 2, "通过"));
        append(w, new SelfEvaluationPublished(wide, "部门网站"));
        append(w, new BudgetProposed(wide, 1, Grade.EXCELLENT, 1, ResultRule.parse("优先保障"), WanYuan.of("6273.65"),
                WanYuan.of("6273.65"), ResultRule.parse("压减 5%"), WanYuan.of("5959.97"), "财力紧张，统筹压减"));

        String p = project.aggregateId();
        append(p, new ProjectRegistered(project, "食品药品安全专项", List.of("东湖高新区市场监督管理局", "检验所"),
                ProjectCategory.DEPARTMENT_BUDGET, ProjectAttribute.CONTINUING, List.of(ProjectType.RECURRING), "行政政法科"));
        append(p, new BudgetOpened(project, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("149.60")), Map.of(),
                WanYuan.of("149.60")));
        append(p, new BudgetBasedOnResults(project, FiscalYear.of(2019), 1, Grade.FAIR, ResultRule.parse("压减 10%"),
                WanYuan.of("166.22"), WanYuan.of("149.60")));
        append(p, new BudgetLinesSet(project, List.of(new BudgetLine("抽检", WanYuan.of("100.00")),
                new BudgetLine("快检", WanYuan.of("49.60"))), WanYuan.of("149.60")));
        append(p, new BudgetAdjusted(project, 1, AdjustmentKind.UPPER_LEVEL_TRANSFER, FundingSource.UPPER_LEVEL_TRANSFER,
                null, WanYuan.of("20.91"), WanYuan.of("149.60"), WanYuan.of("170.51"), "上级转移支付资金",
                new DocumentNumber("（自评报告未载明文号）"), LocalDate.of(2018, 9, 1),
                List.of(new AdjustmentPart("抽检", WanYuan.of("10.00")), new AdjustmentPart("快检", WanYuan.of("10.91")))));
        append(p, new BudgetAdjustmentNoted(project, AdjustmentKind.REDUCTION, List.of("农贸市场以奖代补资金",
                "智慧食药监信息化工程"), "响应“过紧日子”号召，压缩非刚性开支", "《区财政局关于应对疫情影响平衡公共预算收支的工作方案》",
                null));
        append(p, new ExpenditureRecorded(project, WanYuan.of("60.00"), LocalDate.of(2018, 6, 1), ExpenditureClass.PROJECT,
                "抽检", "抽检费", null, WanYuan.of("60.00"), WanYuan.of("170.51"), false));
        append(p, new BudgetLinesSet(project, List.of(new BudgetLine("抽检", WanYuan.of("120.00")),
                new BudgetLine("快检", WanYuan.of("50.51"))), WanYuan.of("170.51")));
        append(p, new ExpenditureRecorded(project, WanYuan.of("200.00"), LocalDate.of(2018, 11, 1),
                ExpenditureClass.PROJECT, "快检", "快检费", "记-9", WanYuan.of("260.00"), WanYuan.of("170.51"), true));
        append(p, new ExpenditureCorrected(project, WanYuan.of("10.00"), LocalDate.of(2018, 11, 2),
                ExpenditureClass.PROJECT, "快检", "多记", "记-9", WanYuan.of("250.00"), WanYuan.of("170.51"), true));
        append(p, new BudgetLinesSet(project, List.of(new BudgetLine("抽检", WanYuan.of("120.00")),
                new BudgetLine("检测", WanYuan.of("50.51"))), WanYuan.of("170.51")));
        append(p, new GoalAdded(project, 1, "保障食品安全", Points.parse("80"), "抽检"));
        append(p, new IndicatorTargetSet(project, new Indicator(new IndicatorCode("SPAQ.HG"), 1,
                IndicatorLevel1.EFFECT, IndicatorLevel2.SOCIAL, "群众满意度", Points.parse("10"), target("90%以上"))));
        append(p, new CompletionRecorded(project, new IndicatorCode("SPAQ.HG"), target("95%"), null,
                LocalDate.of(2018, 12, 1), null, Achievement.ACHIEVED));
        append(p, new IndicatorAddedAtSelfEvaluation(project, new Indicator(new IndicatorCode("SPAQ.HSD"), 1,
                IndicatorLevel1.OUTPUT, IndicatorLevel2.QUANTITY, "设置过期药品回收点", Points.parse("5"),
                target("11 个")), "上述调整完善措施已在本次自评时予以体现"));
        append(p, new SubProjectsStated(project, List.of("抽检", "快速检测")));
        append(p, new OverallGoalsStated(project, List.of(new OverallGoal("抽检", "保障食品安全"),
                new OverallGoal(null, "群众满意"))));
        append(p, new SpendingBySourceStated(project, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("229.09"),
                FundingSource.UPPER_LEVEL_TRANSFER, WanYuan.of("20.91")), WanYuan.of("250.00"), WanYuan.of("250.00")));
        // an ex-ante assessment not supported, then supported in its second round
        Map<AssessmentCriterion, Statement> statements = new TreeMap<>();
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            statements.put(criterion, new Statement(criterion.label() + "说明", criterion == AssessmentCriterion.NECESSITY
                    ? "调研报告" : null));
        }
        append(p, new AssessmentSubmitted(project, 1, statements));
        append(p, new AssessmentConcluded(project, 1, 1, TWENTY_EACH, points("12", "10", "11", "9", "14"),
                new BigDecimal("56"), AssessmentConclusion.NOT_SUPPORTED, "实施方案不可行", null));
        // funds suspended and resumed during the year
        append(p, new FundsHeld(project, FundsHold.SUSPENDED, "执行进度严重滞后", "蔡财绩〔2020〕3号"));
        append(p, new FundsResumed(project, "已整改"));
        append(p, new WarningIssued(project, 1, WarningLevel.CAUTION, "执行率低于序时进度 20 个百分点",
                LocalDate.of(2020, 9, 30)));
        append(p, new WarningAnswered(project, 1, "已加快采购进度"));
        // one rectification item reported, returned and open again; another reported and closed
        append(p, new RectificationRaised(project, 1, "快检台账不全", "食品科", LocalDate.of(2020, 11, 30)));
        append(p, new RectificationReported(project, 1, "已补齐台账", "台账扫描件"));
        append(p, new RectificationReturned(project, 1, "缺少签字"));
        append(p, new RectificationRaised(project, 2, "宣传品发放记录缺失", "办公室", LocalDate.of(2021, 1, 31)));
        append(p, new RectificationReported(project, 2, "已补记录", "发放登记表"));
        append(p, new RectificationClosed(project, 2, "整改到位"));
        append(p, new AssessmentSubmitted(project, 2, statements));
        append(p, new AssessmentConcluded(project, 2, 1, TWENTY_EACH, points("18", "16", "15", "17", "18"),
                new BigDecimal("84"), AssessmentConclusion.SUPPORTED, "予以支持", "某绩效评价中心"));
        // a 财政重点评价 by a third-party evaluator, returned once and accepted; a 部门评价 commissioned, not reported
        append(p, new EvaluationCommissioned(project, 1, EvaluationType.FINANCE_KEY, "agency-7", "李评",
                "某绩效评价中心", LocalDate.of(2021, 3, 31), "资金使用与满意度"));
        append(p, new EvaluationReported(project, 1, 1, WanYuan.of("125.00"), List.of(new VerifiedIndicator(
                new IndicatorCode("SPAQ.HG"), target("85%"), null, "抽样回访")), "满意度低于目标", "支出超预算",
                "加强预算约束"));
        append(p, new EvaluationReturned(project, 1, "未附回访记录"));
        append(p, new EvaluationReported(project, 1, 1, WanYuan.of("125.00"), List.of(new VerifiedIndicator(
                new IndicatorCode("SPAQ.HG"), target("85%"), null, "抽样回访，附记录")), "满意度低于目标", "支出超预算",
                "加强预算约束"));
        append(p, new EvaluationAccepted(project, 1, "验收通过"));
        append(p, new EvaluationPublished(project, 1, "区政府门户网站"));
        append(p, new EvaluationCommissioned(project, 2, EvaluationType.DEPARTMENT, "editor", null, null,
                LocalDate.of(2021, 2, 28), null));
    }

    /** 20 points for each criterion of an ex-ante assessment. */
    static final Map<AssessmentCriterion, Points> TWENTY_EACH = points("20", "20", "20", "20", "20");

    private static Map<AssessmentCriterion, Points> points(String... values) {
        Map<AssessmentCriterion, Points> points = new TreeMap<>();
        for (int i = 0; i < values.length; i++) {
            points.put(AssessmentCriterion.values()[i], Points.parse(values[i]));
        }
        return points;
    }
}
