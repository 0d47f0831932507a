package org.perfledger.command.plan;

import java.util.stream.Collectors;
import java.util.Arrays;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.command.assessment.AssessmentSchemes;
import org.perfledger.command.library.IndicatorLibrary;
import org.perfledger.command.results.Proposals;
import org.perfledger.command.results.ResultUseRules;
import org.perfledger.command.scoring.ScoringSchemeVersions;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.event.EventEnvelopeCodec;
import org.perfledger.kernel.results.ResultRule;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.command.library.LibraryIndicator;
import org.perfledger.command.assessment.AssessmentSchemeBook;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.hamcrest.TypeSafeMatcher;
import org.perfledger.command.department.DepartmentDirectory;
import org.perfledger.command.calendar.ReportingCalendar;
import org.perfledger.command.calendar.ReportingCalendars;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.FundingSource;
import org.perfledger.kernel.evaluation.EvaluationEvents.MonitoringPeriod;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.organisation.DepartmentId;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;
import org.perfledger.kernel.plan.ProjectCategory;
import org.perfledger.kernel.plan.ProjectType;

/**
 * Test data mirroring seed 001 (东湖高新区市场监督管理局, 2018 食品药品安全专项 绩效自评报告): 年初预算 149.6, 上级转移支付
 * 20.91 → 170.51, ten indicators worth 80 points; and the fixture wiring every plan test shares.
 */
public final class SeedPlans {

    public static final DepartmentId DONGHU = DepartmentId.of("donghu", "scjgj");
    public static final FiscalYear Y2018 = FiscalYear.of(2018);
    public static final PlanId FOOD_SAFETY = PlanId.project(DONGHU, Y2018, "SPAQ");
    /** An ex-ante assessment scheme of 20 points for each of its five criteria. */
    public static final Map<AssessmentCriterion, Points> TWENTY_EACH = Arrays.stream(AssessmentCriterion.values())
            .collect(Collectors.toMap(criterion -> criterion, criterion -> Points.parse("20")));
    public static final PlanId DONGHU_WIDE = PlanId.departmentWide(DONGHU, Y2018);
    public static final DepartmentId UNREGISTERED = DepartmentId.of("donghu", "nobody");

    public static final IndicatorCode PROMOTION = new IndicatorCode("SPAQ.XCP");
    public static final IndicatorCode RAPID_TESTS = new IndicatorCode("SPAQ.KSJC");
    public static final IndicatorCode PASS_RATE = new IndicatorCode("SPAQ.HGL");
    public static final IndicatorCode NO_FOOD_ACCIDENT = new IndicatorCode("SPAQ.SPSG");
    public static final IndicatorCode SATISFACTION = new IndicatorCode("SPAQ.MYD");

    private SeedPlans() {
    }

    public static ProjectRegistered registered() {
        return new ProjectRegistered(FOOD_SAFETY, "食品药品安全专项", List.of("食品科", "药械科"),
                ProjectCategory.DEPARTMENT_BUDGET, ProjectAttribute.CONTINUING, List.of(ProjectType.RECURRING),
                "东湖高新区财政局行财科");
    }

    public static BudgetOpened budgetOpened() {
        return new BudgetOpened(FOOD_SAFETY, Map.of(FundingSource.GENERAL_PUBLIC_BUDGET, WanYuan.of("149.60")),
                Map.of(), WanYuan.of("149.60"));
    }

    public static GoalAdded goal() {
        return new GoalAdded(FOOD_SAFETY, 1, "保障辖区食品药品安全：抽检、快检、风险分级管理和过期药品回收");
    }

    public static Indicator indicator(IndicatorCode code, IndicatorLevel1 level1, IndicatorLevel2 level2, String name,
                               String weight, String target) {
        return new Indicator(code, 1, level1, level2, name, Points.parse(weight), Target.parse(target));
    }

    /** Five of the project's indicators, enough to exercise each kind of target. */
    public static List<Object> targetsSet() {
        return List.of(
                new IndicatorTargetSet(FOOD_SAFETY, indicator(PROMOTION, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUANTITY, "食品安全宣传品", "5", "5000 份")),
                new IndicatorTargetSet(FOOD_SAFETY, indicator(RAPID_TESTS, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUANTITY, "食品安全快速检测", "5", "3500 批次")),
                new IndicatorTargetSet(FOOD_SAFETY, indicator(PASS_RATE, IndicatorLevel1.OUTPUT,
                        IndicatorLevel2.QUALITY, "食品监督抽检合格率", "10", "99.0%以上")),
                new IndicatorTargetSet(FOOD_SAFETY, indicator(NO_FOOD_ACCIDENT, IndicatorLevel1.EFFECT,
                        IndicatorLevel2.SOCIAL, "全区重大食品安全事故", "10", "0 次")),
                new IndicatorTargetSet(FOOD_SAFETY, indicator(SATISFACTION, IndicatorLevel1.SATISFACTION,
                        IndicatorLevel2.SERVICE_SATISFACTION, "区群众食品药品安全满意度", "20", "80.0%以上")));
    }

    /** Registered, budget opened, one goal with five indicators: still being drafted. */
    public static Object[] drafted() {
        List<Object> events = new ArrayList<>(List.of(registered(), budgetOpened(), goal()));
        events.addAll(targetsSet());
        return events.toArray();
    }

    /** Drafted, submitted and approved: in execution. */
    public static Object[] inExecution() {
        List<Object> events = new ArrayList<>(List.of(drafted()));
        events.add(new TargetsSubmitted(FOOD_SAFETY, 1, 5, new BigDecimal("50.00")));
        events.add(new TargetsApproved(FOOD_SAFETY, null));
        return events.toArray();
    }

    /**
     * The actuals seed 001 reports for 食品药品安全专项 at the end of 2018: 宣传品 5000 份, 快速检测 4944 批次, 抽检合格率
     * 98.4%, 重大食品安全事故 0 次, 满意度 82.1%.
     */
    public static Object[] actuals() {
        LocalDate end = LocalDate.of(2018, 12, 31);
        return new Object[] {actual(PROMOTION, "5000 份", end), actual(RAPID_TESTS, "4944 批次", end),
                actual(PASS_RATE, "98.4%", end), actual(NO_FOOD_ACCIDENT, "0 次", end),
                actual(SATISFACTION, "82.1%", end)};
    }

    private static CompletionRecorded actual(IndicatorCode code, String value, LocalDate asOf) {
        return new CompletionRecorded(FOOD_SAFETY, code, Target.parse(value), null, asOf, null, null);
    }

    public static Object[] plus(Object[] given, Object... more) {
        List<Object> events = new ArrayList<>(List.of(given));
        events.addAll(List.of(more));
        return events.toArray();
    }

    /**
     * Scheme version 3 of every year and kind: 20 points for 执行率 against the initial budget (capped), the
     * indicators' own 分值, and 90 / 80 / 60.
     */
    public static final ScoringScheme SCHEME_THREE = scheme("""
            {"execution": {"weight": 20, "base": "INITIAL", "capped": true, "bands": []}, "partialCredit": 50,
             "shortfallBands": [], "overrides": {}, "grades": [{"grade": "EXCELLENT", "atLeast": 90},
             {"grade": "GOOD", "atLeast": 80}, {"grade": "FAIR", "atLeast": 60}, {"grade": "POOR", "atLeast": 0}],
             "precision": {"rateDecimals": 2, "scoreDecimals": 2}}""");

    /** 2018's rules of using the results: 优秀 优先保障, 良好 据实安排, 中 压减 10%, 差 取消 (version 1). */
    public static final Map<Grade, ResultRule> RULES_2018 = Map.of(Grade.EXCELLENT, ResultRule.parse("优先保障"),
            Grade.GOOD, ResultRule.parse("据实安排"), Grade.FAIR, ResultRule.parse("压减 10%"),
            Grade.POOR, ResultRule.parse("取消"));

    private static ScoringScheme scheme(String json) {
        try {
            return EventEnvelopeCodec.mapper().readValue(json, ScoringScheme.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static AggregateTestFixture<AnnualPlan> fixture() {
        return fixture(plan -> Optional.empty());
    }

    /** The plans' fixture where {@code proposals} answers for last year's results. */
    public static AggregateTestFixture<AnnualPlan> fixture(Proposals proposals) {
        AggregateTestFixture<AnnualPlan> fixture = new AggregateTestFixture<>(AnnualPlan.class);
        fixture.registerCommandTargetResolver(new PlanTargetResolver());
        DepartmentDirectory onlyDonghu = department -> {
            if (!department.equals(DONGHU)) {
                throw new DomainRejection(Kind.NOT_FOUND, "department.unknown", "department",
                        "department " + department + " is not registered");
            }
        };
        fixture.registerInjectableResource(onlyDonghu);
        fixture.registerInjectableResource(new ReportingCalendars() {
            @Override
            public Optional<MonitoringPeriod> monitoringPeriod(DistrictId district,
                                                                         FiscalYear year, String period) {
                return period.equals("H1")
                        ? Optional.of(new MonitoringPeriod("H1", "上半年", LocalDate.of(2018, 7, 15)))
                        : Optional.empty();
            }

            @Override
            public Percentage deviationMargin(DistrictId district, FiscalYear year) {
                return ReportingCalendar.DEFAULT_MARGIN;
            }
        });
        ScoringSchemes versionThree = (district, year, kind) -> 3;
        fixture.registerInjectableResource(versionThree);
        // version 2 of 2018's scheme of ex-ante assessments, 20 points a criterion; none for other years
        AssessmentSchemes twentyEach = (district, year) -> year.equals(Y2018)
                ? Optional.of(new AssessmentSchemeBook.Version(2, TWENTY_EACH)) : Optional.empty();
        fixture.registerInjectableResource(twentyEach);
        // 东湖's indicator library: GX.ZJDWL (资金到位率, version 2) and GX.JSX, retired; nothing else
        IndicatorLibrary library = (district, code) -> !district.equals(DONGHU.district()) ? Optional.empty()
                : switch (code.value()) {
                    case "GX.ZJDWL" -> Optional.of(new LibraryIndicator.Entry(2, IndicatorLevel1.OUTPUT,
                            IndicatorLevel2.QUALITY, "资金到位率", false));
                    case "GX.JSX" -> Optional.of(new LibraryIndicator.Entry(1, IndicatorLevel1.OUTPUT,
                            IndicatorLevel2.TIMELINESS, "完成及时性", true));
                    default -> Optional.empty();
                };
        fixture.registerInjectableResource(library);
        fixture.registerInjectableResource(proposals);
        ScoringSchemeVersions schemes = (district, year, kind, version) -> version == 3 ? Optional.of(SCHEME_THREE)
                : Optional.empty();
        fixture.registerInjectableResource(schemes);
        ResultUseRules rules = (district, year) -> year.equals(Y2018)
                ? Optional.of(new ResultUseRules.Version(1, RULES_2018)) : Optional.empty();
        fixture.registerInjectableResource(rules);
        return fixture;
    }

    /** A refusal with this stable code whose message contains the fragment. */
    public static Matcher<Throwable> rejection(String code, String messageFragment) {
        return new TypeSafeMatcher<>() {
            @Override
            protected boolean matchesSafely(Throwable item) {
                return item instanceof DomainRejection rejection && rejection.code().equals(code)
                        && rejection.getMessage().contains(messageFragment);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("DomainRejection " + code + " saying '" + messageFragment + "'");
            }
        };
    }
}
