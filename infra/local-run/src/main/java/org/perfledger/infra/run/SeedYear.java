package org.perfledger.infra.run;

import java.util.ArrayList;
import java.util.List;

/**
 * Whole fiscal years from the seed documents as the HTTP requests a department and district finance would send,
 * in order. Used by the demo loader and by the end-to-end tests.
 */
public final class SeedYear {

    /**
     * One request: method, path under the command service, JSON body (or null), and the role it is sent as: null for
     * the district's finance and the department's editor, {@code PLATFORM_ADMIN} for onboarding a district.
     */
    public record Step(String method, String path, String body, String as) {

        public Step(String method, String path, String body) {
            this(method, path, body, null);
        }
    }

    private SeedYear() {
    }

    private record Indicator(String code, String level1, String level2, String name, String weight, String target,
                             String actual, String narrative) {
    }

    /** Seed 001, 东湖高新区 2018 食品药品安全专项: its ten indicators (80 points), targets and actuals. */
    private static final List<Indicator> FOOD_SAFETY_INDICATORS = List.of(
            new Indicator("SPAQ.XCP", "产出指标", "数量指标", "食品安全宣传品", "5", "5000 份", "5000 份", null),
            new Indicator("SPAQ.KSJC", "产出指标", "数量指标", "食品安全快速检测", "5", "3500 批次", "4944 批次",
                    "实际完成值为4944批次，为高新区食品安全持续向好提供了有力的技术保障"),
            new Indicator("SPAQ.JDCJ", "产出指标", "数量指标", "食品监督抽检", "5", "1800 批次", "1817 批次",
                    "实际完成值为1817批次并按要求公示"),
            new Indicator("SPAQ.FXFJ", "产出指标", "数量指标", "对区食品生产企业实施风险分级管理", "5", "30 家", "30 家",
                    "对辖区30家食品生产企业评定高风险等级3家，中风险2家，低风险25家"),
            new Indicator("SPAQ.HSD", "产出指标", "数量指标", "设置过期药品回收点", "5", "11 个", "11 个", null),
            new Indicator("SPAQ.HGL", "产出指标", "质量指标", "食品监督抽检合格率", "10", "99.0%以上", "98.4%",
                    "对抽检不合格产品及生产经营单位开展了后续核查处置"),
            new Indicator("SPAQ.FXPG", "产出指标", "质量指标", "食品安全风险评估覆盖率", "5", "100.0%", "100.0%", null),
            new Indicator("SPAQ.SPSG", "效益指标", "社会效益指标", "全区重大食品安全事故次数", "10", "0 次", "0 次", null),
            new Indicator("SPAQ.YPSG", "效益指标", "社会效益指标", "全区重大药品安全事故次数", "10", "0 次", "0 次", null),
            new Indicator("SPAQ.MYD", "满意度指标", "服务对象满意度指标", "区群众食品药品安全满意度", "20", "80.0%以上",
                    "82.1%", "高新区群众上下半年满意度分别为82.4%与81.8%，分别位列全市第二和第五"));

    /**
     * The 2018 year of 东湖's 食品药品安全专项 from registration to publication: 年初预算 149.60, 上级转移支付 20.91
     * → 170.51, received and spent in full over its three 项目支出明细 lines, every completion, an H1 monitoring
     * report, and the self-evaluation with the deviation reasons it needs (快检 +41.3%, 合格率 below target).
     * The district's reporting calendar for 2018 must be set first ({@link #calendar2018}).
     */
    public static List<Step> donghuFoodSafety2018(String district, String department) {
        String year = "/api/v1/districts/" + district + "/departments/" + department + "/years/2018";
        String plan = year + "/projects/SPAQ";
        List<Step> steps = new ArrayList<>();
        steps.add(new Step("POST", year + "/projects", """
                {"code":"SPAQ","name":"食品药品安全专项","implementingUnits":["东湖高新区市场监督管理局"],
                 "types":["常年性项目","延续性项目"],
                 "financeDesk":"东湖高新区财政局行财科"}"""));
        steps.add(new Step("POST", plan + "/budget", "{\"sources\":{\"一般公共预算财政拨款\":\"149.60\"}}"));
        steps.add(new Step("POST", plan + "/goals", "{\"text\":\"开展食品安全宣传、快速检测和监督抽检，实施风险分级管理，"
                + "设置过期药品回收点，全区无重大食品药品安全事故\"}"));
        for (Indicator indicator : FOOD_SAFETY_INDICATORS) {
            steps.add(new Step("PUT", plan + "/indicators/" + indicator.code(), "{\"goal\":1,\"level1\":\""
                    + indicator.level1() + "\",\"level2\":\"" + indicator.level2() + "\",\"name\":\"" + indicator.name()
                    + "\",\"weight\":\"" + indicator.weight() + "\",\"target\":\"" + indicator.target() + "\"}"));
        }
        steps.add(new Step("POST", plan + "/targets/submission", null));
        steps.add(new Step("POST", plan + "/targets/approval", "{\"comment\":\"同意\"}"));
        steps.add(new Step("POST", plan + "/budget/adjustments", """
                {"kind":"上级转移支付","amount":"20.91","reason":"上级转移支付资金，用于食品药品监管",
                 "documentNumber":"武新管财字[2018]56号","date":"2018-06-20"}"""));
        steps.add(new Step("POST", plan + "/budget/receipts",
                "{\"amount\":\"170.51\",\"date\":\"2018-06-30\",\"note\":\"全额到位\"}"));
        steps.add(new Step("PUT", plan + "/budget/lines", """
                {"lines":[{"name":"食品餐饮监管、规划协调工作","amount":"137.51"},
                          {"name":"食品安全宣传费","amount":"10.00"},{"name":"药品医疗器械监管","amount":"23.00"}]}"""));
        steps.add(new Step("POST", plan + "/budget/expenditures", """
                {"amount":"60.00","date":"2018-06-28","line":"食品餐饮监管、规划协调工作","description":"快速检测服务费（上半年）"}"""));
        steps.add(new Step("POST", plan + "/monitoring-reports", """
                {"period":"H1","asOf":"2018-06-30",
                 "indicators":[{"indicator":"SPAQ.KSJC","latestActual":"2100 批次"},
                               {"indicator":"SPAQ.HGL","latestActual":"98.1%","deviation":"略低于目标",
                                "correctiveMeasure":"加强不合格产品后处理"}],
                 "deviations":"抽检合格率略低于目标","correctiveMeasures":"加强后处理和风险排查"}"""));
        steps.add(new Step("POST", plan + "/budget/expenditures", """
                {"amount":"77.51","date":"2018-11-30","line":"食品餐饮监管、规划协调工作","description":"快速检测服务费（下半年）"}"""));
        steps.add(new Step("POST", plan + "/budget/expenditures", """
                {"amount":"10.00","date":"2018-09-15","line":"食品安全宣传费","description":"食品安全宣传品5000份"}"""));
        steps.add(new Step("POST", plan + "/budget/expenditures", """
                {"amount":"23.00","date":"2018-12-20","line":"药品医疗器械监管","description":"药械监管与过期药品回收"}"""));
        for (Indicator indicator : FOOD_SAFETY_INDICATORS) {
            steps.add(new Step("POST", plan + "/indicators/" + indicator.code() + "/completions", "{\"value\":\""
                    + indicator.actual() + "\",\"asOf\":\"2018-12-31\""
                    + (indicator.narrative() == null ? "" : ",\"narrative\":\"" + indicator.narrative() + "\"")
                    + ",\"evidence\":\"2018年度工作台账\"}"));
        }
        steps.add(new Step("POST", plan + "/closure", null));
        steps.add(new Step("POST", plan + "/self-evaluation", """
                {"indicators":[{"indicator":"SPAQ.KSJC","score":"5","deviationReason":"为保障军运会等重大活动，增加快检批次，超出计划41.0%"},
                               {"indicator":"SPAQ.HGL","score":"9.94","deviationReason":"部分抽检产品不合格，已对不合格产品及生产经营单位开展后续核查处置"}],
                 "score":"99.94","grade":"优秀",
                 "deviationAnalysis":"快速检测超出计划；食品监督抽检合格率98.4%，略低于99.0%的目标",
                 "improvementMeasures":"创新监管方式，提升监管效能；探索多方协作，推进社会共治；加大惩戒力度，强化监管效果",
                 "resultsUse":"作为该项目2019年项目预算调整及2020年项目预算编制和财政资金安排的重要依据",
                 "publicationPlan":"随部门预决算公开；内部进行通报；官网公示"}"""));
        steps.add(new Step("POST", plan + "/self-evaluation/acceptance", "{\"comment\":\"审核通过\"}"));
        steps.add(new Step("POST", plan + "/self-evaluation/publication", "{\"channels\":\"随部门预决算公开；官网公示\"}"));
        return steps;
    }

    /** The district's 2018 reporting calendar: half-year monitoring due 2018-07-15, self-evaluations 2019-06-25. */
    public static Step calendar2018(String district) {
        return new Step("PUT", "/api/v1/districts/" + district + "/years/2018/reporting-calendar", """
                {"monitoring":[{"period":"H1","label":"上半年","due":"2018-07-15"},
                               {"period":"Q3","label":"前三季度","due":"2018-10-15"}],
                 "selfEvaluationDue":"2019-06-25","deviationMargin":"10"}""");
    }
}
