package org.perfledger.command.evaluation;

import org.perfledger.command.planning.PlanLimits;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.perfledger.command.evaluation.EvaluationCommands.SubmitSelfEvaluation;
import org.perfledger.command.evaluation.SelfEvaluationTable;
import org.perfledger.command.evaluation.SelfEvaluationTable.Cell;
import org.perfledger.command.evaluation.SelfEvaluationTable.IndicatorRow;
import org.perfledger.command.performance.PlanTargets.IndicatorState;
import org.perfledger.command.platform.FieldError;
import org.perfledger.kernel.evaluation.EvaluationEvents.IndicatorEvaluation;
import org.perfledger.kernel.evaluation.PrintedFigure;
import org.perfledger.kernel.money.Percentage;
import org.perfledger.kernel.money.WanYuan;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.Checks;
import org.perfledger.kernel.validation.InvalidValueException;
import org.perfledger.kernel.validation.Labelled;

/**
 * Holds a filled-in 自评表 against the plan it is for, and turns it into what the department would otherwise enter by
 * hand: a completion for every 实际完成值 that differs from the latest one recorded, and the self-evaluation with the
 * scores, 偏差原因 and texts of the table. Everything the table says that the plan decides elsewhere must agree with
 * the plan: the indicators (三级指标 by name), their 年初目标值 and 分值, and the ledger's 预算数 and 执行数 (money is
 * recorded as receipts and expenditures, a target is changed by a target adjustment, not by editing the table).
 *
 * <p>Every disagreement is collected with the address of its cell, so a department fixes the whole file at once.
 */
public final class SelfEvaluationImport {

    /** A completion the table adds. */
    public record Completion(IndicatorCode indicator, Target actual, Achievement achievement, String cell) {
    }

    /** What the table amounts to, or every reason it cannot be imported. */
    public record Outcome(List<Completion> completions, SubmitSelfEvaluation submission, List<FieldError> errors) {
    }

    private final List<FieldError> errors = new ArrayList<>();

    private SelfEvaluationImport() {
    }

    public static Outcome check(PlanId plan, SelfEvaluationTable table, Collection<IndicatorState> indicators,
                         WanYuan adjustedBudget, WanYuan executed, Percentage margin, LocalDate asOf) {
        return new SelfEvaluationImport().run(plan, table, indicators, adjustedBudget, executed, margin, asOf);
    }

    private Outcome run(PlanId plan, SelfEvaluationTable table, Collection<IndicatorState> indicators,
                        WanYuan adjustedBudget, WanYuan executed, Percentage margin, LocalDate asOf) {
        errors.addAll(table.unreadable());
        ledger(table.budget(), "预算数", "调整后预算", adjustedBudget);
        ledger(table.executed(), "执行数", "执行数", executed);

        Map<String, List<IndicatorState>> byName = new HashMap<>();
        for (IndicatorState state : indicators) {
            byName.computeIfAbsent(state.indicator().name().strip(), name -> new ArrayList<>()).add(state);
        }
        Map<String, Integer> listedAt = new HashMap<>();
        List<Completion> completions = new ArrayList<>();
        Map<String, IndicatorEvaluation> evaluations = new LinkedHashMap<>();
        boolean anyDeviation = false;
        for (IndicatorRow row : table.indicators()) {
            IndicatorState state = match(row, byName);
            if (state == null) {
                continue;
            }
            String code = state.indicator().code().value();
            Integer earlier = listedAt.putIfAbsent(code, row.row());
            if (earlier != null) {
                reject(row.name().address(), "import.duplicate-indicator", "indicator " + code + " '"
                        + state.indicator().name() + "' is listed twice (also row " + earlier + ")");
                continue;
            }
            agree(row.level1(), "一级指标", state.indicator().level1().label());
            agree(row.level2(), "二级指标", state.indicator().level2().label());
            agree(row.target(), "年初目标值", state.indicator().target().text());
            if (row.weight().value() != null && (state.indicator().weight() == null
                    || row.weight().value().compareTo(state.indicator().weight()) != 0)) {
                reject(row.weight().address(), "import.disagrees-with-plan", "分值 " + row.weight().value()
                        + " differs from the plan's " + (state.indicator().weight() == null ? "(none set)"
                        : state.indicator().weight()) + "; a weight changes only through a target adjustment");
            }
            Target actual = state.latestActual();
            Achievement achievement = state.latestAchievement();
            Target given = row.actual().value();
            if (given != null && (actual == null || !given.text().equals(actual.text()))) {
                actual = given;
                achievement = judged(state, given);
                if (state.latestAsOf() != null && asOf.isBefore(state.latestAsOf())) {
                    reject(row.actual().address(), "completion.before-latest", "a completion of " + code
                            + " as of " + state.latestAsOf() + " is already recorded; the import dates its "
                            + "completions " + asOf + ", which is earlier");
                } else {
                    completions.add(new Completion(state.indicator().code(), given, achievement,
                            row.actual().address()));
                }
            }
            String reason = text(row.reason(), "偏差原因", PlanLimits.MAX_TEXT, false);
            Deviation deviation = Deviation.of(state.indicator().target().value(),
                    actual == null ? null : actual.value(), achievement);
            if (deviation.needsReason(margin)) {
                anyDeviation = true;
                if (reason == null) {
                    reject(row.reason().address(), "self-evaluation.deviation-reason-required", "a deviation reason "
                            + "(偏差原因) is required for " + code + " '" + state.indicator().name() + "': "
                            + PlanEvaluation.describe(deviation, margin));
                }
            }
            evaluations.put(code, new IndicatorEvaluation(state.indicator().code(), row.score().value(), null,
                    reason));
        }
        for (IndicatorState state : indicators) {
            if (!listedAt.containsKey(state.indicator().code().value())) {
                reject(table.tableRow(), "import.indicator-missing", "the table has no row for indicator "
                        + state.indicator().code() + " '" + state.indicator().name() + "'");
            }
        }
        String analysis = text(table.deviationAnalysis(), "偏差大或目标未完成原因分析", PlanLimits.MAX_LONG_TEXT,
                anyDeviation);
        String measures = text(table.improvementMeasures(), "改进措施", PlanLimits.MAX_LONG_TEXT, true);
        String use = text(table.resultsUse(), "结果应用方案", PlanLimits.MAX_LONG_TEXT, true);
        String publication = text(table.publicationPlan(), "公开计划", PlanLimits.MAX_LONG_TEXT, true);

        errors.sort(Comparator.comparing(SelfEvaluationImport::rowOf).thenComparing(e -> e.field() == null ? ""
                : e.field()));
        BigDecimal rate = table.executionRate().value();
        SubmitSelfEvaluation submission = new SubmitSelfEvaluation(plan, List.copyOf(evaluations.values()),
                table.total().value(), table.grade().value(), rate, table.executionScore().value(), analysis,
                measures, use, publication, printed(table), null);
        return new Outcome(completions, submission, List.copyOf(errors));
    }

    /**
     * The sums the table prints (checked against its rows as it was read), kept with the self-evaluation so that the
     * scorecard can hold them against the plan: the execution row's 分值, each 小计 and its 得分率, the 合计 of 分值.
     */
    static List<PrintedFigure> printed(SelfEvaluationTable table) {
        List<PrintedFigure> printed = new ArrayList<>();
        if (table.executionWeight().value() != null) {
            printed.add(new PrintedFigure("执行率分值", PrintedFigure.Kind.EXECUTION_WEIGHT, null,
                    table.executionWeight().value().value(), List.of()));
        }
        for (SelfEvaluationTable.SumRow sum : table.sums()) {
            String level1 = sum.level1();
            if (level1 == null || level1.isBlank()) {
                if (sum.weight().value() != null) {
                    printed.add(new PrintedFigure("分值合计", PrintedFigure.Kind.TOTAL_WEIGHT, null,
                            sum.weight().value().value(), List.of()));
                }
                continue;
            }
            if (sum.weight().value() != null) {
                printed.add(new PrintedFigure(level1 + "小计 分值", PrintedFigure.Kind.SUBTOTAL_WEIGHT, level1,
                        sum.weight().value().value(), List.of()));
            }
            if (sum.score().value() != null) {
                printed.add(new PrintedFigure(level1 + "小计 得分", PrintedFigure.Kind.SUBTOTAL_SCORE, level1,
                        sum.score().value().value(), List.of()));
            }
            if (sum.rate() != null && sum.rate().value() != null) {
                printed.add(new PrintedFigure(level1 + " 得分率", PrintedFigure.Kind.SUBTOTAL_RATE, level1,
                        sum.rate().value(), List.of()));
            }
        }
        return printed;
    }

    /** The plan's indicator the row names by its 三级指标 (and 二级指标 where two share a name). */
    private IndicatorState match(IndicatorRow row, Map<String, List<IndicatorState>> byName) {
        String name = row.name().value();
        if (name == null) {
            reject(row.name().address(), "import.indicator-name-required", "三级指标 is required: every row of "
                    + "the indicator table names its indicator");
            return null;
        }
        List<IndicatorState> candidates = byName.getOrDefault(name.strip(), List.of());
        if (candidates.size() > 1 && row.level2().value() != null) {
            candidates = candidates.stream()
                    .filter(s -> s.indicator().level2().label().equals(row.level2().value().strip())).toList();
        }
        if (candidates.size() == 1) {
            return candidates.get(0);
        }
        reject(row.name().address(), candidates.isEmpty() ? "import.indicator-unknown" : "import.indicator-ambiguous",
                candidates.isEmpty() ? "the plan has no indicator named '" + name + "'; its indicators are "
                        + byName.keySet() : "the plan has " + candidates.size() + " indicators named '" + name + "'");
        return null;
    }

    /** A qualitative completion given as 达成 / 部分达成 / 未达成 is judged by those words. */
    private static Achievement judged(IndicatorState state, Target given) {
        if (!(state.indicator().target().value() instanceof TargetValue.Qualitative)) {
            return null;
        }
        try {
            return Labelled.parse(Achievement.class, given.text().strip(), "value.unknown", "实际完成值");
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private void ledger(Cell<WanYuan> cell, String what, String ledgerName, WanYuan ledger) {
        if (cell.address() == null) {
            return;
        }
        if (cell.value() == null) {
            if (errors.stream().noneMatch(e -> cell.address().equals(e.field()))) {
                reject(cell.address(), "import.required", what + " is required");
            }
        } else if (cell.value().compareTo(ledger) != 0) {
            reject(cell.address(), "import.disagrees-with-ledger", what + " " + cell.value() + " differs from the "
                    + "ledger's " + ledgerName + " " + ledger + "; money is recorded as adjustments, receipts and "
                    + "expenditures, not through the table");
        }
    }

    private void agree(Cell<String> cell, String what, String plan) {
        if (cell.value() != null && !cell.value().strip().equals(plan.strip())) {
            reject(cell.address(), "import.disagrees-with-plan", what + " '" + cell.value() + "' differs from the "
                    + "plan's '" + plan + "'" + (what.equals("年初目标值") ? "; a target changes only through a "
                    + "target adjustment" : ""));
        }
    }

    private String text(Cell<String> cell, String what, int maxLength, boolean required) {
        if (cell.value() == null) {
            if (required) {
                reject(cell.address() == null ? what : cell.address(), "import.required", what + " is required"
                        + (cell.address() == null ? ": the table has no row labelled " + what : ""));
            }
            return null;
        }
        try {
            return Checks.requireText(cell.value(), what, maxLength);
        } catch (InvalidValueException e) {
            reject(cell.address(), e.rule(), e.getMessage());
            return null;
        }
    }

    private void reject(String address, String rule, String message) {
        errors.add(new FieldError(address, rule, address + ": " + message));
    }

    /** Row number of an address like E12 (labels without a cell sort last). */
    private static int rowOf(FieldError error) {
        String field = error.field() == null ? "" : error.field().replaceAll("^[A-Z]+", "");
        return field.matches("\\d+") ? Integer.parseInt(field) : Integer.MAX_VALUE;
    }
}
