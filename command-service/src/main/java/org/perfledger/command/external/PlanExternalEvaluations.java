package org.perfledger.command.external;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.perfledger.command.external.ExternalEvaluationCommands.AcceptEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.CommissionEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.PublishEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReportEvaluation;
import org.perfledger.command.external.ExternalEvaluationCommands.ReturnEvaluation;
import org.perfledger.command.performance.PlanTargets;
import org.perfledger.command.performance.PlanTargets.IndicatorState;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.command.scoring.ScoringSchemes;
import org.perfledger.kernel.event.EventMetadata;
import org.perfledger.kernel.external.EvaluationType;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationAccepted;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationCommissioned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationPublished;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReported;
import org.perfledger.kernel.external.ExternalEvaluationEvents.EvaluationReturned;
import org.perfledger.kernel.external.ExternalEvaluationEvents.VerifiedIndicator;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.security.Role;

/**
 * The evaluations of a plan beyond its self-evaluation (an aggregate member of the plan), numbered within it. Who
 * commissions one answers for it: district finance its 财政重点评价, the department its 部门评价; it accepts or returns
 * the report, and publishes it once accepted. Only the evaluator it was commissioned from writes the report, under
 * the district's scheme of evaluations in force, verifying the plan's own figures where it finds them otherwise. One
 * evaluation of each type is open at a time.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanExternalEvaluations {

    /** Where an evaluation stands. */
    enum Status { COMMISSIONED, REPORTED, RETURNED, ACCEPTED }

    /** One evaluation: its type, its evaluator, where it stands, its latest report and whether it is published. */
    record Evaluation(EvaluationType type, String evaluator, Status status, EvaluationReported report,
                      boolean published) {

        Evaluation with(Status next, EvaluationReported latest) {
            return new Evaluation(type, evaluator, next, latest, published);
        }

        Evaluation publish() {
            return new Evaluation(type, evaluator, status, report, true);
        }
    }

    private Map<Integer, Evaluation> evaluations = new TreeMap<>();

    @CommandHandler
    Object[] commission(CommissionEvaluation command, @MetaDataValue(EventMetadata.ROLE) String roles) {
        PlanId plan = command.plan();
        if (command.type() == null) {
            throw new DomainRejection(Kind.RULE, "evaluation.type", "type", "type is required: 部门评价 or 财政重点评价");
        }
        requireCommissioner(command.type(), roles, "commission");
        evaluations.entrySet().stream().filter(e -> e.getValue().type() == command.type()
                && e.getValue().status() != Status.ACCEPTED).findFirst().ifPresent(open -> {
                    throw new DomainRejection(Kind.CONFLICT, "evaluation.open", "type", command.type().label() + " 第 "
                            + open.getKey() + " 号 of " + plan + " is not accepted yet; one is open at a time");
                });
        // the user id, as the token will name it: no surrounding blanks
        String evaluator = PlanRules.text("evaluator", command.evaluator(), PlanLimits.MAX_SHORT_TEXT).strip();
        int year = plan.year().value();
        LocalDate due = command.due();
        if (due == null || due.getYear() < year || due.getYear() > year + 2) {
            throw new DomainRejection(Kind.RULE, "evaluation.due", "due", "due is the day the report is due, from "
                    + year + " to " + (year + 2));
        }
        int number = evaluations.size() + 1;
        apply(new EvaluationCommissioned(plan, number, command.type(), evaluator,
                PlanRules.optionalText("evaluatorName", command.evaluatorName(), PlanLimits.MAX_SHORT_TEXT),
                PlanRules.optionalText("agency", command.agency(), PlanLimits.MAX_NAME), due,
                PlanRules.optionalText("focus", command.focus(), PlanLimits.MAX_TEXT)));
        return new Object[] {"number", number};
    }

    /**
     * The evaluator's report: only the evaluator it was commissioned from, on an evaluation commissioned or returned,
     * under the scheme of evaluations in force; each verified indicator is one of the plan's, its value of the kind
     * its target is.
     */
    public Object[] report(PlanId plan, ReportEvaluation command, String actor, PlanTargets targets,
                           ScoringSchemes schemes) {
        Evaluation evaluation = require(command.number(), "reported");
        if (!evaluation.evaluator().equals(actor)) {
            throw new DomainRejection(Kind.FORBIDDEN, "evaluation.not-yours", "number", evaluation.type().label()
                    + " 第 " + command.number() + " 号 of " + plan + " was commissioned from another evaluator; only "
                    + "they report it");
        }
        if (evaluation.status() != Status.COMMISSIONED && evaluation.status() != Status.RETURNED) {
            throw new DomainRejection(Kind.CONFLICT, "evaluation.reported", "number", evaluation.type().label()
                    + " 第 " + command.number() + " 号 is " + evaluation.status().name().toLowerCase()
                    + "; a report is written once it is commissioned or returned");
        }
        Integer scheme = schemes.currentVersion(plan.district(), plan.year(), EvaluationKind.EXTERNAL);
        if (scheme == null) {
            throw new DomainRejection(Kind.RULE, "evaluation.no-scheme", "number", "district finance has set no "
                    + "scheme of evaluations (绩效评价评分办法) for " + plan.year() + "; it is set first");
        }
        if (command.executed() != null) {
            PlanRules.nonNegative("executed", command.executed());
        }
        List<VerifiedIndicator> verified = verified(command.indicators(), targets);
        apply(new EvaluationReported(plan, command.number(), scheme, command.executed(), verified,
                PlanRules.text("findings", command.findings(), PlanLimits.MAX_LONG_TEXT),
                PlanRules.optionalText("problems", command.problems(), PlanLimits.MAX_LONG_TEXT),
                PlanRules.optionalText("suggestions", command.suggestions(), PlanLimits.MAX_LONG_TEXT)));
        return new Object[] {"number", command.number(), "schemeVersion", scheme};
    }

    private static List<VerifiedIndicator> verified(List<VerifiedIndicator> given, PlanTargets targets) {
        List<VerifiedIndicator> verified = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < given.size(); i++) {
            VerifiedIndicator indicator = given.get(i);
            String field = "indicators[" + i + "]";
            IndicatorState state = targets.indicator(field + ".indicator", indicator.indicator());
            if (!seen.add(indicator.indicator().value())) {
                throw new DomainRejection(Kind.RULE, "evaluation.indicator-twice", field + ".indicator", "indicator "
                        + indicator.indicator() + " is verified twice");
            }
            state.requireActual(indicator.actual(), field + ".actual", indicator.achievement(), field + ".achievement",
                    "the note");
            verified.add(new VerifiedIndicator(indicator.indicator(), indicator.actual(), indicator.achievement(),
                    PlanRules.optionalText(field + ".note", indicator.note(), PlanLimits.MAX_REASON)));
        }
        return verified;
    }

    @CommandHandler
    Object[] giveBack(ReturnEvaluation command, @MetaDataValue(EventMetadata.ROLE) String roles) {
        Evaluation evaluation = requireReported(command.number(), roles, "return");
        apply(new EvaluationReturned(command.plan(), command.number(),
                PlanRules.text("reason", command.reason(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number(), "type", evaluation.type()};
    }

    @CommandHandler
    Object[] accept(AcceptEvaluation command, @MetaDataValue(EventMetadata.ROLE) String roles) {
        Evaluation evaluation = requireReported(command.number(), roles, "accept");
        apply(new EvaluationAccepted(command.plan(), command.number(),
                PlanRules.optionalText("comment", command.comment(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number(), "type", evaluation.type()};
    }

    /**
     * Publishing an accepted evaluation is its commissioner's, once: its score, grade and findings become public
     * (绩效评价结果公开).
     */
    @CommandHandler
    Object[] publish(PublishEvaluation command, @MetaDataValue(EventMetadata.ROLE) String roles) {
        Evaluation evaluation = require(command.number(), "published");
        requireCommissioner(evaluation.type(), roles, "publish");
        if (evaluation.status() != Status.ACCEPTED) {
            throw new DomainRejection(Kind.CONFLICT, "evaluation.not-accepted", "number", evaluation.type().label()
                    + " 第 " + command.number() + " 号 is " + evaluation.status().name().toLowerCase() + "; only an "
                    + "accepted evaluation is published");
        }
        if (evaluation.published()) {
            throw new DomainRejection(Kind.CONFLICT, "evaluation.published", "number", evaluation.type().label()
                    + " 第 " + command.number() + " 号 is published already");
        }
        apply(new EvaluationPublished(command.plan(), command.number(),
                PlanRules.text("channels", command.channels(), PlanLimits.MAX_REASON)));
        return new Object[] {"number", command.number(), "type", evaluation.type()};
    }

    /** The report of the latest accepted 财政重点评价 (its number with it), whose grade the use of results goes by. */
    public Optional<EvaluationReported> acceptedKeyEvaluation() {
        return evaluations.values().stream()
                .filter(e -> e.type() == EvaluationType.FINANCE_KEY && e.status() == Status.ACCEPTED)
                .reduce((first, second) -> second)
                .map(Evaluation::report);
    }

    private Evaluation requireReported(int number, String roles, String action) {
        Evaluation evaluation = require(number, action + "ed");
        requireCommissioner(evaluation.type(), roles, action);
        if (evaluation.status() != Status.REPORTED) {
            throw new DomainRejection(Kind.CONFLICT, "evaluation.not-reported", "number", evaluation.type().label()
                    + " 第 " + number + " 号 is " + evaluation.status().name().toLowerCase() + "; only a report "
                    + "awaiting its acceptance is " + action + "ed");
        }
        return evaluation;
    }

    private Evaluation require(int number, String action) {
        Evaluation evaluation = evaluations.get(number);
        if (evaluation == null) {
            throw new DomainRejection(Kind.NOT_FOUND, "evaluation.unknown", "number", "no evaluation 第 " + number
                    + " 号 of this plan is commissioned to be " + action);
        }
        return evaluation;
    }

    /** 财政重点评价 is district finance's to commission and accept, 部门评价 the department's. */
    private static void requireCommissioner(EvaluationType type, String roles, String action) {
        boolean has = roles != null && List.of(roles.split(",")).contains(type.commissioner().name());
        if (!has) {
            throw new DomainRejection(Kind.FORBIDDEN, "evaluation.commissioner", "type", type.label() + " is "
                    + (type.commissioner() == Role.DISTRICT_FINANCE ? "district finance's" : "the department's") + " to "
                    + action + "; your token has " + (roles == null || roles.isBlank() ? "no role" : roles));
        }
    }

    @EventSourcingHandler
    void on(EvaluationCommissioned event) {
        evaluations.put(event.number(), new Evaluation(event.type(), event.evaluator(), Status.COMMISSIONED, null,
                false));
    }

    @EventSourcingHandler
    void on(EvaluationReported event) {
        evaluations.computeIfPresent(event.number(), (n, e) -> e.with(Status.REPORTED, event));
    }

    @EventSourcingHandler
    void on(EvaluationReturned event) {
        evaluations.computeIfPresent(event.number(), (n, e) -> e.with(Status.RETURNED, e.report()));
    }

    @EventSourcingHandler
    void on(EvaluationAccepted event) {
        evaluations.computeIfPresent(event.number(), (n, e) -> e.with(Status.ACCEPTED, e.report()));
    }

    @EventSourcingHandler
    void on(EvaluationPublished event) {
        evaluations.computeIfPresent(event.number(), (n, e) -> e.publish());
    }
}
