package org.perfledger.kernel.event;

import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentConcluded;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSchemeSet;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSubmitted;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorDefined;
import org.perfledger.kernel.results.RectificationEvents.RectificationClosed;
import org.perfledger.kernel.results.RectificationEvents.RectificationRaised;
import org.perfledger.kernel.results.RectificationEvents.RectificationReported;
import org.perfledger.kernel.results.RectificationEvents.RectificationReturned;
import org.perfledger.kernel.results.ResultEvents.BudgetBasedOnResults;
import org.perfledger.kernel.results.ResultEvents.BudgetProposed;
import org.perfledger.kernel.results.ResultEvents.ResultUseRulesSet;
import org.perfledger.kernel.library.LibraryEvents.LibraryIndicatorRetired;
import org.perfledger.kernel.warning.WarningEvents.FundsHeld;
import org.perfledger.kernel.warning.WarningEvents.FundsResumed;
import org.perfledger.kernel.warning.WarningEvents.MonitoringThresholdsSet;
import org.perfledger.kernel.warning.WarningEvents.WarningAnswered;
import org.perfledger.kernel.warning.WarningEvents.WarningIssued;
import java.util.Map;

/**
 * The words of the events around the year's middle (事前绩效评估, 预警 and funds held, the indicator library, the use of
 * results, 整改), for {@link EventWords}.
 */
final class CycleWords {

    private CycleWords() {
    }

    /** The short name of the event type with this catalog name, or null when it is none of these. */
    static String title(String name) {
        return switch (name) {
            case "AssessmentSchemeSet" -> "事前绩效评估办法";
            case "AssessmentSubmitted" -> "事前绩效评估报送";
            case "AssessmentConcluded" -> "事前绩效评估结论";
            case "FundsHeld" -> "资金暂缓或停止拨付";
            case "FundsResumed" -> "恢复拨付";
            case "WarningIssued" -> "绩效预警";
            case "WarningAnswered" -> "预警答复";
            case "MonitoringThresholdsSet" -> "预警阈值";
            case "LibraryIndicatorDefined" -> "指标库指标";
            case "LibraryIndicatorRetired" -> "指标库指标停用";
            case "ResultUseRulesSet" -> "评价结果应用规则";
            case "BudgetProposed" -> "下年度预算安排建议";
            case "BudgetBasedOnResults" -> "预算安排依据上年评价结果";
            case "RectificationRaised" -> "整改事项";
            case "RectificationReported" -> "整改情况报告";
            case "RectificationReturned" -> "整改报告退回";
            case "RectificationClosed" -> "整改销号";
            default -> null;
        };
    }

    /** What the event says, or null when it is none of these. */
    static String details(PerfLedgerEvent event) {
        if (event instanceof AssessmentSchemeSet e) {
            return e.year() + " 年度第 " + e.version() + " 版，" + criteria(e.weights()) + (e.source() == null ? ""
                    : "，依据：" + e.source());
        }
        if (event instanceof AssessmentSubmitted e) {
            return "第 " + e.round() + " 轮，" + String.join("；", e.statements().entrySet().stream()
                    .map(s -> s.getKey().label() + "：" + s.getValue().text()
                            + (s.getValue().evidence() == null ? "" : "（佐证：" + s.getValue().evidence() + "）"))
                    .toList());
        }
        if (event instanceof AssessmentConcluded e) {
            return "第 " + e.round() + " 轮，" + e.conclusion().label() + "，" + e.total().stripTrailingZeros()
                    .toPlainString() + " 分（" + criteria(e.scores()) + "；评估办法第 " + e.schemeVersion() + " 版）"
                    + (e.assessor() == null ? "" : "，评估机构：" + e.assessor()) + "，意见：" + e.opinion();
        }
        if (event instanceof FundsHeld e) {
            return e.hold().label() + "，原因：" + e.reason() + (e.documentNumber() == null ? "" : "，依据："
                    + e.documentNumber());
        }
        if (event instanceof FundsResumed e) {
            return "原因：" + e.reason();
        }
        if (event instanceof WarningIssued e) {
            return "第 " + e.number() + " 号" + e.level().label() + "：" + e.text() + "，请于 " + e.respondBy() + " 前答复";
        }
        if (event instanceof WarningAnswered e) {
            return "第 " + e.number() + " 号预警的答复：" + e.response();
        }
        if (event instanceof MonitoringThresholdsSet e) {
            return e.year() + " 年度第 " + e.version() + " 版：落后时间进度超过 " + e.yellow().toPlainString()
                    + " 个百分点为黄灯，超过 " + e.red().toPlainString() + " 个百分点为红灯" + (e.source() == null ? ""
                    : "，依据：" + e.source());
        }
        if (event instanceof LibraryIndicatorDefined e) {
            return e.code() + " " + e.name() + "（第 " + e.version() + " 版），" + e.kind().label()
                    + (e.sector() == null ? "" : "（" + e.sector() + "）") + "，" + e.level1().label() + " / "
                    + e.level2().label() + (e.unit() == null ? "" : "，单位：" + e.unit()) + "，" + e.direction().label()
                    + "，目标值依据" + e.basis().label();
        }
        if (event instanceof LibraryIndicatorRetired e) {
            return e.code() + "，原因：" + e.reason();
        }
        if (event instanceof ResultUseRulesSet e) {
            return e.year() + " 年度第 " + e.version() + " 版：" + String.join("；", e.rules().entrySet().stream()
                    .map(rule -> rule.getKey().label() + " → " + rule.getValue().describe()).toList())
                    + (e.source() == null ? "" : "，依据：" + e.source());
        }
        if (event instanceof BudgetProposed e) {
            return "第 " + e.number() + " 号：" + (e.evaluation() == null ? "自评" : "财政重点评价（第 " + e.evaluation()
                    + " 号）") + "等级 " + e.grade().label() + "，按规则（第 " + e.rulesVersion() + " 版）"
                    + e.ruleAction().describe() + "，" + e.base() + " 万元 → " + e.ruleProposed() + " 万元"
                    + (e.overridden() ? "；区财政局改为" + e.action().describe() + "，" + e.proposed() + " 万元，理由："
                    + e.overrideReason() : "");
        }
        if (event instanceof BudgetBasedOnResults e) {
            return "依据 " + e.priorYear() + " 年度评价结果（等级 " + e.grade().label() + "，第 " + e.proposalNumber()
                    + " 号建议" + e.action().describe() + "，" + e.proposed() + " 万元），年初预算 " + e.opened() + " 万元";
        }
        if (event instanceof RectificationRaised e) {
            return "第 " + e.number() + " 号：" + e.issue() + "，责任人 " + e.owner() + "，" + e.deadline() + " 前完成";
        }
        if (event instanceof RectificationReported e) {
            return "第 " + e.number() + " 号：" + e.measures() + "，佐证：" + e.evidence();
        }
        if (event instanceof RectificationReturned e) {
            return "第 " + e.number() + " 号，原因：" + e.reason();
        }
        if (event instanceof RectificationClosed e) {
            return "第 " + e.number() + " 号" + (e.note() == null ? "" : "：" + e.note());
        }
        return null;
    }

    private static String criteria(Map<AssessmentCriterion, Points> points) {
        return String.join("，", points.entrySet().stream().map(p -> p.getKey().label() + " " + p.getValue()).toList());
    }
}
