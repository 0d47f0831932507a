package org.perfledger.kernel.event;

import org.perfledger.kernel.external.ExternalEvaluationEvents;
import org.perfledger.kernel.external.ExternalEvaluationEvents.ExternalEvaluationEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjusted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetAdjustmentNoted;
import org.perfledger.kernel.budget.BudgetEvents.BudgetLinesSet;
import org.perfledger.kernel.budget.BudgetEvents.SpendingBySourceStated;
import org.perfledger.kernel.budget.BudgetEvents.BudgetOpened;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureCorrected;
import org.perfledger.kernel.budget.BudgetEvents.ExpenditureRecorded;
import org.perfledger.kernel.budget.BudgetEvents.FundsReceived;
import org.perfledger.kernel.evaluation.EvaluationEvents.ReportingCalendarSet;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationAccepted;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationPublished;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationReturned;
import org.perfledger.kernel.evaluation.EvaluationEvents.SelfEvaluationSubmitted;
import org.perfledger.kernel.organisation.DepartmentRegistered;
import org.perfledger.kernel.organisation.DistrictRegistered;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoal;
import org.perfledger.kernel.performance.PerformanceEvents.OverallGoalsStated;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorAddedAtSelfEvaluation;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.MonitoringReportSubmitted;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.plan.PlanEvents.DepartmentPlanStarted;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanEvents.StaffingStated;
import org.perfledger.kernel.plan.PlanEvents.SubProjectsStated;
import org.perfledger.kernel.plan.PlanEvents.TargetsApproved;
import org.perfledger.kernel.plan.PlanEvents.TargetsReturned;
import org.perfledger.kernel.plan.PlanEvents.TargetsSubmitted;
import org.perfledger.kernel.plan.PlanEvents.YearClosed;
import org.perfledger.kernel.plan.ProjectType;
import org.perfledger.kernel.scoring.ScoringSchemeSet;

/**
 * An event's business content in words, as an auditor reads the record: 预算调整（调减）6352.76 → 6273.65 万元，原因：…，
 * 文号：…. Chinese, in the terms of the seeds; amounts in 万元 as stored.
 */
public final class EventWords {

    private EventWords() {
    }

    /**
     * A stored payload in words, read as the current version of its type (older versions are upcast; the stored
     * payload itself is not touched); for a type this version does not know, or content that no longer reads, its
     * title and why.
     */
    public static String describe(String type, int version, JsonNode payload) {
        Optional<Class<? extends PerfLedgerEvent>> known = EventCatalog.classOf(type);
        if (known.isEmpty()) {
            return title(type);
        }
        try {
            return describe(EventEnvelopeCodec.mapper().treeToValue(EventUpcasting.toCurrent(type, version, payload),
                    known.get()));
        } catch (IOException | IllegalArgumentException e) {
            return title(type) + "：（内容无法按当前结构解读：" + e.getMessage() + "）";
        }
    }

    /** The event's short name, e.g. 预算调整. */
    public static String title(PerfLedgerEvent event) {
        return title(EventCatalog.nameOf(event.getClass()));
    }

    /** The short name of the event type with this catalog name; the name itself for a type it does not know. */
    public static String title(String name) {
        return switch (name) {
            case "DistrictRegistered" -> "区县接入";
            case "DepartmentRegistered" -> "部门登记";
            case "ProjectRegistered" -> "项目登记";
            case "DepartmentPlanStarted" -> "部门整体计划建立";
            case "StaffingStated" -> "人员情况";
            case "SubProjectsStated" -> "子项目";
            case "BudgetOpened" -> "年初预算";
            case "BudgetAdjusted" -> "预算调整";
            case "BudgetAdjustmentNoted" -> "预算调整（金额未载明）";
            case "FundsReceived" -> "资金到位";
            case "ExpenditureRecorded" -> "支出";
            case "ExpenditureCorrected" -> "支出冲销";
            case "BudgetLinesSet" -> "项目支出明细";
            case "SpendingBySourceStated" -> "决算（按资金来源）";
            case "GoalAdded" -> "年度目标";
            case "OverallGoalsStated" -> "年度总体目标";
            case "IndicatorTargetSet" -> "绩效指标";
            case "IndicatorAddedAtSelfEvaluation" -> "自评时补充指标";
            case "TargetsSubmitted" -> "目标报送";
            case "TargetsApproved" -> "目标审核通过";
            case "TargetsReturned" -> "目标退回";
            case "CompletionRecorded" -> "完成值";
            case "MonitoringReportSubmitted" -> "绩效运行监控";
            case "TargetAdjustmentRequested" -> "目标调整申请";
            case "TargetAdjustmentApproved" -> "目标调整批准";
            case "TargetAdjustmentRejected" -> "目标调整驳回";
            case "YearClosed" -> "年度结束";
            case "ReportingCalendarSet" -> "报送日历";
            case "ScoringSchemeSet" -> "评分办法";
            case "SelfEvaluationSubmitted" -> "自评报送";
            case "SelfEvaluationReturned" -> "自评退回";
            case "SelfEvaluationAccepted" -> "自评审核通过";
            case "SelfEvaluationPublished" -> "自评公开";
            default -> {
                String around = CycleWords.title(name);
                String external = around != null ? around : ExternalEvaluationEvents.title(name);
                yield external == null ? name : external;
            }
        };
    }

    /** What the event says, in a sentence. */
    public static String describe(PerfLedgerEvent event) {
        return title(event) + "：" + details(event);
    }

    private static String details(PerfLedgerEvent event) {
        if (event instanceof ExternalEvaluationEvent e) {
            return ExternalEvaluationEvents.describe(e);
        }
        String around = CycleWords.details(event);
        if (around != null) {
            return around;
        }
        if (event instanceof DistrictRegistered e) {
            return e.name() + "（" + e.district().value() + "）";
        }
        if (event instanceof DepartmentRegistered e) {
            return e.name() + "（" + e.department().code().value() + "）";
        }
        if (event instanceof ProjectRegistered e) {
            return e.name() + "（" + e.plan().project() + "），" + (e.category() == null ? "项目类别未说明"
                    : e.category().label()) + "，" + (e.attribute() == null ? "项目属性未说明" : e.attribute().label())
                    + "，" + (e.types().isEmpty() ? "项目类型未说明"
                    : String.join("、", e.types().stream().map(ProjectType::label).toList()));
        }
        if (event instanceof DepartmentPlanStarted e) {
            return e.plan().year() + " 年度部门整体";
        }
        if (event instanceof BudgetOpened e) {
            if (e.unstated()) {
                return "预算未载明（文件未列预算数）";
            }
            return e.total() + " 万元（" + e.sources().entrySet().stream()
                    .map(s -> s.getKey().label() + " " + s.getValue()).collect(Collectors.joining("，")) + "）";
        }
        if (event instanceof BudgetAdjusted e) {
            return "第 " + e.number() + " 次，" + e.kind().label() + " " + e.amount() + " 万元，" + e.from() + " → " + e.to()
                    + " 万元" + (e.parts().isEmpty() ? "" : "（" + String.join(" + ", e.parts().stream()
                    .map(part -> part.name() + " " + part.amount()).toList()) + "）") + "，原因：" + e.reason()
                    + "，文号：" + e.documentNumber() + "，日期：" + (e.date() == null ? "未载明" : e.date());
        }
        if (event instanceof BudgetAdjustmentNoted e) {
            return e.kind().label() + (e.items().isEmpty() ? "" : " " + String.join("、", e.items())) + "，金额未载明，原因："
                    + e.reason() + (e.authority() == null ? "" : "，依据：" + e.authority()) + "，日期："
                    + (e.date() == null ? "未载明" : e.date());
        }
        if (event instanceof FundsReceived e) {
            return e.amount() + " 万元，" + dated(e.date()) + "，累计到位 " + e.receivedTotal() + " 万元"
                    + (e.note() == null ? "" : "，" + e.note());
        }
        if (event instanceof ExpenditureRecorded e) {
            return e.amount() + " 万元，" + dated(e.date()) + "，" + e.expenditureClass().label() + "，" + e.description()
                    + (e.voucher() == null ? "" : "，凭证 " + e.voucher()) + "，累计执行 " + e.executedTotal() + " / "
                    + e.budget() + " 万元" + (e.overBudget() ? "（超预算）" : "");
        }
        if (event instanceof ExpenditureCorrected e) {
            return "冲销 " + e.amount() + " 万元，" + e.date() + "，原因：" + e.reason() + "，原凭证 " + e.originalVoucher()
                    + "，累计执行 " + e.executedTotal() + " 万元";
        }
        if (event instanceof SpendingBySourceStated e) {
            return String.join("，", e.bySource().entrySet().stream()
                    .map(part -> part.getKey().label() + " " + part.getValue() + " 万元").toList()) + "，合计 " + e.total()
                    + " 万元" + (e.total().equals(e.executed()) ? "" : "（执行数 " + e.executed() + " 万元）");
        }
        if (event instanceof BudgetLinesSet e) {
            return e.lines().size() + " 项，合计 " + e.total() + " 万元";
        }
        if (event instanceof StaffingStated e) {
            return String.join("，", e.headcounts().entrySet().stream()
                    .map(count -> count.getKey().label() + " " + count.getValue() + " 人").toList());
        }
        if (event instanceof SubProjectsStated e) {
            return String.join("、", e.names());
        }
        if (event instanceof OverallGoalsStated e) {
            return String.join("；", e.goals().stream().map(OverallGoal::asPrinted).toList());
        }
        if (event instanceof GoalAdded e) {
            return "目标" + e.number() + (e.weight() == null ? "" : "（" + e.weight() + " 分）")
                    + (e.fundedBy() == null ? "" : "（" + e.fundedBy() + "）") + "：" + e.text();
        }
        if (event instanceof IndicatorTargetSet e) {
            return e.indicator().code() + " " + e.indicator().name() + "，年初目标值 " + e.indicator().target().text()
                    + (e.indicator().weight() == null ? "，未设分值" : "，分值 " + e.indicator().weight())
                    + (e.indicator().library() == null ? "" : "，选自指标库 " + e.indicator().library().code()
                    + "（第 " + e.indicator().library().version() + " 版）");
        }
        if (event instanceof IndicatorAddedAtSelfEvaluation e) {
            return e.indicator().code() + " " + e.indicator().name() + "，目标值 " + e.indicator().target().text()
                    + (e.indicator().weight() == null ? "，未设分值" : "，分值 " + e.indicator().weight())
                    + "，未经年初审核；原因：" + e.reason();
        }
        if (event instanceof TargetsSubmitted e) {
            return e.goals() + " 个目标，" + e.indicators() + " 个指标，分值合计 " + e.totalWeight().toPlainString();
        }
        if (event instanceof TargetsApproved e) {
            return e.comment() == null ? "通过" : e.comment();
        }
        if (event instanceof TargetsReturned e) {
            return "原因：" + e.reason();
        }
        if (event instanceof CompletionRecorded e) {
            return e.indicator() + " 实际完成值 " + e.actual().text() + (e.asOf() == null ? "，全年（日期未载明）" : "，截至 " + e.asOf())
                    + (e.achievement() == null ? "" : "，" + e.achievement().label())
                    + (e.evidence() == null ? "" : "，佐证：" + e.evidence());
        }
        if (event instanceof MonitoringReportSubmitted e) {
            return e.period() + "，截至 " + e.asOf() + "，执行 " + e.executed() + " / " + e.budget() + " 万元";
        }
        if (event instanceof TargetAdjustmentRequested e) {
            return "第 " + e.number() + " 号，" + e.indicator() + " 调整为 " + e.target().text() + "，原因：" + e.reason();
        }
        if (event instanceof TargetAdjustmentApproved e) {
            return "第 " + e.number() + " 号，" + e.indicator() + " " + e.fromTarget().text() + " → " + e.toTarget().text()
                    + "，分值 " + e.fromWeight() + " → " + e.toWeight();
        }
        if (event instanceof TargetAdjustmentRejected e) {
            return "第 " + e.number() + " 号，" + e.indicator() + "，原因：" + e.reason();
        }
        if (event instanceof YearClosed e) {
            return "年初 " + e.initialBudget() + "，调整后 " + e.adjustedBudget() + "，到位 " + e.received() + "，执行 "
                    + e.executed() + " 万元，执行率 " + (e.executionRate() == null ? "—（预算为 0）"
                    : e.executionRate().rounded(2).toPlainString() + "%");
        }
        if (event instanceof ReportingCalendarSet e) {
            return e.year() + " 年度，监控 " + e.monitoring().size() + " 次，自评截止 " + e.selfEvaluationDue() + "，偏差容忍 "
                    + e.deviationMargin();
        }
        if (event instanceof ScoringSchemeSet e) {
            return e.year() + " 年度" + e.kind().label() + "评分办法第 " + e.version() + " 版";
        }
        if (event instanceof SelfEvaluationSubmitted e) {
            return "第 " + e.round() + " 轮，自评得分 " + (e.score() == null ? "—" : e.score()) + "，等级 "
                    + (e.grade() == null ? "—" : e.grade().label()) + "，按评分办法第 " + e.schemeVersion() + " 版";
        }
        if (event instanceof SelfEvaluationReturned e) {
            return "第 " + e.round() + " 轮，原因：" + e.reason();
        }
        if (event instanceof SelfEvaluationAccepted e) {
            return "第 " + e.round() + " 轮" + (e.comment() == null ? "" : "，" + e.comment());
        }
        if (event instanceof SelfEvaluationPublished e) {
            return "公开渠道：" + e.channels();
        }
        return event.toString();
    }

    /** A date, or 日期未载明 where the source states none. */
    private static String dated(LocalDate date) {
        return date == null ? "日期未载明" : date.toString();
    }
}
