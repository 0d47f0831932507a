package org.perfledger.command.performance;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.perfledger.command.planning.PlanRules.optionalText;
import static org.perfledger.command.planning.PlanRules.requireInYearWhereDated;
import static org.perfledger.command.planning.PlanRules.text;

import org.perfledger.command.planning.PlanLimits;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.performance.PerformanceCommands.AddGoal;
import org.perfledger.command.performance.PerformanceCommands.AddIndicatorAtSelfEvaluation;
import org.perfledger.command.performance.PerformanceCommands.ApproveTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RecordCompletion;
import org.perfledger.command.performance.PerformanceCommands.RejectTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.RequestTargetAdjustment;
import org.perfledger.command.performance.PerformanceCommands.SetAnnualTarget;
import org.perfledger.command.performance.PerformanceCommands.StateOverallGoals;
import org.perfledger.command.library.IndicatorLibrary;
import org.perfledger.command.library.LibraryPick;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.budget.BudgetLine;
import org.perfledger.kernel.performance.Achievement;
import org.perfledger.kernel.performance.Deviation;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.LibraryRef;
import org.perfledger.kernel.performance.PerformanceEvents.CompletionRecorded;
import org.perfledger.kernel.performance.PerformanceEvents.GoalAdded;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorAddedAtSelfEvaluation;
import org.perfledger.kernel.performance.PerformanceEvents.IndicatorTargetSet;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentApproved;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRejected;
import org.perfledger.kernel.performance.PerformanceEvents.TargetAdjustmentRequested;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.performance.Target;
import org.perfledger.kernel.performance.TargetValue;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.validation.InvalidValueException;

/**
 * A plan's goals and indicators (an aggregate member of {@link AnnualPlan}): the annual targets as drafted and
 * adjusted, those added at the self-evaluation, the latest completion of each and the target adjustments waiting for
 * finance (the monitoring rounds are {@link PlanMonitoring}'s). The plan checks the phase; this part checks the targets.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanTargets {

    /** An indicator with its latest completion. */
    public record IndicatorState(Indicator indicator, Target latestActual, LocalDate latestAsOf, Achievement latestAchievement) {

        /**
         * That a 实际完成值 (null: none to check) is of this indicator's target's kind, and a judgement (null: none)
         * is given only of a qualitative target: the rule for a completion and for a figure an evaluator verifies.
         *
         * @param wordsGoIn where words that are no value belong, as the refusal says (the narrative, a note)
         */
        public void requireActual(Target actual, String valueField, Achievement achievement, String achievementField,
                                  String wordsGoIn) {
            TargetValue target = indicator.target().value();
            if (actual != null) {
                TargetValue.kindMismatch(target, actual.value()).ifPresent(reason -> {
                    throw new DomainRejection(Kind.RULE, "completion.kind-mismatch", valueField, "'" + actual.text()
                            + "' is no 实际完成值 of '" + indicator.target().text() + "': " + reason + " (words go in "
                            + wordsGoIn + ")");
                });
            }
            if (achievement != null && !(target instanceof TargetValue.Qualitative)) {
                throw new DomainRejection(Kind.RULE, "completion.achievement-quantitative", achievementField,
                        "indicator " + indicator.code() + " has a numeric target; it is judged from its value");
            }
        }
    }

    /** A target adjustment waiting for finance's decision. */
    public record PendingAdjustment(int number, IndicatorCode indicator, Target target, Points weight) {
    }

    private int goals;
    private Map<String, IndicatorState> indicators = new LinkedHashMap<>();
    private int adjustmentRequests;
    private Map<Integer, PendingAdjustment> pendingAdjustments = new TreeMap<>();

    public Collection<IndicatorState> indicators() {
        return indicators.values();
    }

    public Object[] addGoal(PlanId plan, AddGoal command) {
        String text = text("text", command.text(), PlanLimits.MAX_TEXT);
        apply(new GoalAdded(plan, goals + 1, text, command.weight(),
                optionalText("fundedBy", command.fundedBy(), BudgetLine.MAX_NAME_LENGTH)));
        return new Object[] {"goal", goals};
    }

    public Object[] setTarget(PlanId plan, SetAnnualTarget command, IndicatorLibrary library) {
        IndicatorCode code = command.code() != null ? command.code() : nextCode(command.goal());
        LibraryRef picked = command.library() == null ? null : LibraryPick.check(library, plan.district(),
                command.library(), command.level1(), command.level2());
        Indicator indicator = indicator(code, command.goal(), command.level1(), command.level2(), command.name(),
                command.weight(), command.target(), command.direction(), picked);
        IndicatorState existing = indicators.get(code.value());
        if (existing != null && existing.indicator().equals(indicator)) {
            return new Object[] {"indicator", code, "changed", false};
        }
        apply(new IndicatorTargetSet(plan, indicator));
        return new Object[] {"indicator", code, "changed", true};
    }

    /** The 年度总体目标, as printed (see {@link OverallGoals}). */
    @CommandHandler
    Object[] stateOverallGoals(StateOverallGoals command) {
        apply(OverallGoals.stated(command.plan(), command));
        return new Object[] {"overallGoals", command.goals().size()};
    }

    /** An indicator the approved targets did not hold, added as the self-evaluation is drawn up; its code is new. */
    @CommandHandler
    Object[] addAtSelfEvaluation(AddIndicatorAtSelfEvaluation command) {
        PlanId plan = command.plan();
        Indicator indicator = indicator(command.code(), command.goal(), command.level1(), command.level2(),
                command.name(), command.weight(), command.target(), command.direction(), null);
        if (indicators.containsKey(command.code().value())) {
            throw new DomainRejection(Kind.CONFLICT, "indicator.exists", "code", "the plan already has indicator "
                    + command.code() + "; an indicator added at the self-evaluation is one the targets did not hold");
        }
        apply(new IndicatorAddedAtSelfEvaluation(plan, indicator,
                text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"indicator", command.code()};
    }

    private Indicator indicator(IndicatorCode code, int goal, IndicatorLevel1 level1, IndicatorLevel2 level2,
                                String name, Points weight, Target target, Direction direction, LibraryRef library) {
        if (goal < 1 || goal > goals) {
            throw new DomainRejection(Kind.RULE, "indicator.unknown-goal", "goal", goals == 0
                    ? "add an annual goal (年度目标) before its indicators"
                    : "goal must be one of the plan's goals, 1 to " + goals + "; got " + goal);
        }
        try {
            return new Indicator(code, goal, level1, level2, name, weight, target, direction, library);
        } catch (InvalidValueException e) {
            throw DomainRejection.brokenRule(e.rule().startsWith("indicator.level") ? "level2" : "name", e);
        }
    }

    /** What the targets' submission says of them: goals, indicators and the points set for them add up to. */
    public record Submission(int goals, int indicators, BigDecimal weight) {
    }

    public Submission submission() {
        if (indicators.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "targets.no-indicators", "indicators",
                    "there are no indicators to submit; set the annual targets first");
        }
        Set<Integer> measured = indicators.values().stream().map(state -> state.indicator().goal())
                .collect(Collectors.toSet());
        for (int goal = 1; goal <= goals; goal++) {
            if (!measured.contains(goal)) {
                throw new DomainRejection(Kind.RULE, "targets.goal-without-indicator", "goals",
                        "annual goal " + goal + " has no indicator; every goal needs at least one");
            }
        }
        BigDecimal weight = indicators.values().stream().map(state -> state.indicator().weight())
                .filter(Objects::nonNull).map(Points::value).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.UNNECESSARY);
        return new Submission(goals, indicators.size(), weight);
    }

    @CommandHandler
    Object[] recordCompletion(RecordCompletion command) {
        PlanId plan = command.plan();
        IndicatorState state = indicator("indicator", command.indicator());
        requireInYearWhereDated(plan, "asOf", command.asOf()); // null: a year's figure whose source states no date
        if (state.latestAsOf() != null && command.asOf() != null && command.asOf().isBefore(state.latestAsOf())) {
            throw new DomainRejection(Kind.RULE, "completion.before-latest", "asOf", "a completion of "
                    + command.indicator() + " as of " + state.latestAsOf() + " is already recorded; completions are "
                    + "cumulative, so a new one cannot be dated earlier");
        }
        // a value recorded as the document prints it is not held to its target's kind
        state.requireActual(command.asPrinted() ? null : command.actual(), "value", command.achievement(),
                "achievement", "the narrative");
        String narrative = optionalText("narrative", command.narrative(), PlanLimits.MAX_TEXT);
        String evidence = optionalText("evidence", command.evidence(), PlanLimits.MAX_REASON);
        apply(new CompletionRecorded(plan, command.indicator(), command.actual(), narrative, command.asOf(), evidence,
                command.achievement()));
        Deviation deviation = Deviation.of(state.indicator().target().value(), command.actual().value(),
                command.achievement());
        return new Object[] {"indicator", command.indicator(), "outcome", deviation.outcome(),
                "deviationRate", deviation.rate() == null ? null : deviation.rate().rounded(2).toPlainString()};
    }

    @CommandHandler
    Object[] requestAdjustment(RequestTargetAdjustment command) {
        PlanId plan = command.plan();
        IndicatorState state = indicator("indicator", command.indicator());
        if (pendingAdjustments.values().stream().anyMatch(p -> p.indicator().equals(command.indicator()))) {
            throw new DomainRejection(Kind.CONFLICT, "target-adjustment.pending", "indicator", "a target adjustment "
                    + "of " + command.indicator() + " is already waiting for district finance");
        }
        Points weight = command.weight() != null ? command.weight() : state.indicator().weight();
        // read the way the indicator is stated to be better, as its approved target is
        Target wanted = command.target().directed(state.indicator().direction());
        if (wanted.equals(state.indicator().target()) && Objects.equals(weight, state.indicator().weight())) {
            throw new DomainRejection(Kind.RULE, "target-adjustment.unchanged", "target",
                    "the requested target and weight are the ones already approved");
        }
        String reason = text("reason", command.reason(), PlanLimits.MAX_REASON);
        apply(new TargetAdjustmentRequested(plan, adjustmentRequests + 1, command.indicator(), wanted, weight,
                reason));
        return new Object[] {"number", adjustmentRequests, "indicator", command.indicator()};
    }

    @CommandHandler
    Object[] approveAdjustment(ApproveTargetAdjustment command) {
        PlanId plan = command.plan();
        PendingAdjustment pending = pending(command.number());
        Indicator current = indicators.get(pending.indicator().value()).indicator();
        apply(new TargetAdjustmentApproved(plan, pending.number(), pending.indicator(), current.target(),
                pending.target(), current.weight(), pending.weight(),
                optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", pending.number(), "indicator", pending.indicator(), "target", pending.target()};
    }

    @CommandHandler
    Object[] rejectAdjustment(RejectTargetAdjustment command) {
        PlanId plan = command.plan();
        PendingAdjustment pending = pending(command.number());
        apply(new TargetAdjustmentRejected(plan, pending.number(), pending.indicator(),
                text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", pending.number(), "indicator", pending.indicator()};
    }

    /** No target adjustment may wait for a decision when the year closes. */
    public void requireNothingPending() {
        if (!pendingAdjustments.isEmpty()) {
            throw new DomainRejection(Kind.RULE, "year.pending-adjustments", null, "target adjustment(s) "
                    + pendingAdjustments.keySet() + " still wait for a decision; approve or reject them first");
        }
    }

    public IndicatorState indicator(String field, IndicatorCode code) {
        IndicatorState state = code == null ? null : indicators.get(code.value());
        if (state == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "indicator.unknown", field, "the plan has no indicator "
                    + code + "; its indicators are " + indicators.keySet());
        }
        return state;
    }

    private PendingAdjustment pending(int number) {
        PendingAdjustment pending = pendingAdjustments.get(number);
        if (pending == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "target-adjustment.unknown", "number", "no target adjustment "
                    + number + " is waiting for a decision; waiting: " + pendingAdjustments.keySet());
        }
        return pending;
    }

    private IndicatorCode nextCode(int goal) {
        int n = 1;
        while (indicators.containsKey("G" + goal + "." + n)) {
            n++;
        }
        return new IndicatorCode("G" + goal + "." + n);
    }

    @EventSourcingHandler
    void on(GoalAdded event) {
        goals = event.number();
    }

    @EventSourcingHandler
    void on(IndicatorTargetSet event) {
        indicators.put(event.indicator().code().value(), new IndicatorState(event.indicator(), null, null, null));
    }

    @EventSourcingHandler
    void on(IndicatorAddedAtSelfEvaluation event) {
        indicators.put(event.indicator().code().value(), new IndicatorState(event.indicator(), null, null, null));
    }

    @EventSourcingHandler
    void on(CompletionRecorded event) {
        IndicatorState state = indicators.get(event.indicator().value());
        indicators.put(event.indicator().value(),
                new IndicatorState(state.indicator(), event.actual(),
                        // an undated year's figure leaves the latest date as it was: a later one may not go before it
                        event.asOf() != null ? event.asOf() : state.latestAsOf(), event.achievement()));
    }

    @EventSourcingHandler
    void on(TargetAdjustmentRequested event) {
        adjustmentRequests = event.number();
        pendingAdjustments.put(event.number(),
                new PendingAdjustment(event.number(), event.indicator(), event.target(), event.weight()));
    }

    @EventSourcingHandler
    void on(TargetAdjustmentApproved event) {
        pendingAdjustments.remove(event.number());
        IndicatorState state = indicators.get(event.indicator().value());
        indicators.put(event.indicator().value(), new IndicatorState(
                state.indicator().withTarget(event.toTarget(), event.toWeight()), state.latestActual(),
                state.latestAsOf(), state.latestAchievement()));
    }

    @EventSourcingHandler
    void on(TargetAdjustmentRejected event) {
        pendingAdjustments.remove(event.number());
    }
}
