package org.perfledger.command.assessment;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.perfledger.command.assessment.AssessmentCommands.ConcludeAssessment;
import org.perfledger.command.assessment.AssessmentCommands.SubmitAssessment;
import org.perfledger.command.planning.PlanLimits;
import org.perfledger.command.planning.PlanRules;
import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.assessment.AssessmentConclusion;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentConcluded;
import org.perfledger.kernel.assessment.AssessmentEvents.AssessmentSubmitted;
import org.perfledger.kernel.assessment.AssessmentEvents.Statement;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.plan.PlanEvents.ProjectRegistered;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.plan.ProjectAttribute;

/**
 * A project's ex-ante assessment (事前绩效评估; an aggregate member of the plan): its department states each criterion
 * before the project gets money, district finance scores it under the year's scheme and concludes. A new project
 * (新增性项目) gets a budget only on a supported conclusion: "没有事前评估或评估未通过的，不得安排预算". Not supported,
 * it may be submitted again, as a new round.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE,
        setterVisibility = JsonAutoDetect.Visibility.NONE)
public class PlanAssessment {

    private boolean newProject;
    private int round;
    private boolean awaiting;
    private AssessmentConclusion conclusion;
    private BigDecimal total;

    /** A round stated in full, on a project whose budget is not yet open, and none waiting or supported. */
    public Object[] submit(SubmitAssessment command, boolean budgetOpened) {
        PlanId plan = command.plan();
        if (plan.departmentWide()) {
            throw new DomainRejection(Kind.RULE, "assessment.project-only", null, "an ex-ante assessment is of a "
                    + "project; the department-wide plan has none");
        }
        if (budgetOpened) {
            throw new DomainRejection(Kind.CONFLICT, "assessment.after-budget", null, "the budget of " + plan
                    + " is already open; an ex-ante assessment comes before it");
        }
        if (awaiting) {
            throw new DomainRejection(Kind.CONFLICT, "assessment.awaiting", null, "round " + round + " of the "
                    + "assessment awaits district finance's conclusion");
        }
        if (conclusion != null && conclusion.supports()) {
            throw new DomainRejection(Kind.CONFLICT, "assessment.supported", null, "round " + round + " concluded "
                    + conclusion.label() + "; the assessment is done");
        }
        Map<AssessmentCriterion, Statement> statements = new LinkedHashMap<>();
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            Statement given = command.statements().get(criterion);
            String field = "statements." + criterion.name();
            if (given == null) {
                throw new DomainRejection(Kind.RULE, "text.required", field, criterion.label() + " is required");
            }
            statements.put(criterion, new Statement(PlanRules.text(field + ".text", given.text(), PlanLimits.MAX_TEXT),
                    PlanRules.optionalText(field + ".evidence", given.evidence(), PlanLimits.MAX_REASON)));
        }
        apply(new AssessmentSubmitted(plan, round + 1, statements));
        return new Object[] {"round", round};
    }

    @CommandHandler
    Object[] conclude(ConcludeAssessment command, AssessmentSchemes schemes) {
        PlanId plan = command.plan();
        if (!awaiting) {
            throw new DomainRejection(Kind.CONFLICT, "assessment.nothing-submitted", null, "no round of an ex-ante "
                    + "assessment of " + plan + " awaits a conclusion");
        }
        AssessmentSchemeBook.Version scheme = schemes.current(plan.district(), plan.year())
                .orElseThrow(() -> new DomainRejection(Kind.RULE, "assessment.no-scheme", null, "district finance "
                        + "has set no scheme of ex-ante assessments for " + plan.year() + "; set it first"));
        if (command.conclusion() == null) {
            throw new DomainRejection(Kind.RULE, "assessment.conclusion", "conclusion", "conclusion is required: "
                    + "予以支持, 调整后支持 or 不予支持");
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (AssessmentCriterion criterion : AssessmentCriterion.values()) {
            Points score = command.scores().get(criterion);
            Points weight = scheme.weights().get(criterion);
            String field = "scores." + criterion.name();
            if (score == null) {
                throw new DomainRejection(Kind.RULE, "assessment.score", field, criterion.label() + " needs its "
                        + "score, 0 to " + weight);
            }
            if (score.compareTo(weight) > 0) {
                throw new DomainRejection(Kind.RULE, "assessment.score", field, criterion.label() + " scores "
                        + score + ", more than its " + weight + " points");
            }
            sum = sum.add(score.value());
        }
        String opinion = PlanRules.text("opinion", command.opinion(), PlanLimits.MAX_TEXT);
        String assessor = PlanRules.optionalText("assessor", command.assessor(), PlanLimits.MAX_NAME);
        apply(new AssessmentConcluded(plan, round, scheme.version(), scheme.weights(), command.scores(), sum,
                command.conclusion(), opinion, assessor));
        return new Object[] {"round", round, "total", sum.toPlainString(), "conclusion", conclusion};
    }

    /** @throws DomainRejection (422) when the plan is a new project without a supported assessment */
    public void requireSupportedForBudget(PlanId plan) {
        if (!newProject) {
            return;
        }
        String rule = "没有事前评估或评估未通过的，不得安排预算: ";
        if (round == 0) {
            throw new DomainRejection(Kind.RULE, "budget.assessment-missing", null, rule + plan + " is a new project "
                    + "(新增性项目) with no ex-ante assessment (事前绩效评估); its department submits one and district "
                    + "finance concludes it first");
        }
        if (awaiting) {
            throw new DomainRejection(Kind.RULE, "budget.assessment-pending", null, rule + "round " + round
                    + " of the ex-ante assessment of " + plan + " awaits district finance's conclusion");
        }
        if (!conclusion.supports()) {
            throw new DomainRejection(Kind.RULE, "budget.assessment-not-supported", null, rule + "round " + round
                    + " of the ex-ante assessment of " + plan + " concluded " + conclusion.label() + " ("
                    + total.stripTrailingZeros().toPlainString() + " points)");
        }
    }

    @EventSourcingHandler
    void on(ProjectRegistered event) {
        newProject = event.attribute() == ProjectAttribute.NEW;
    }

    @EventSourcingHandler
    void on(AssessmentSubmitted event) {
        round = event.round();
        awaiting = true;
        conclusion = null;
        total = null;
    }

    @EventSourcingHandler
    void on(AssessmentConcluded event) {
        awaiting = false;
        conclusion = event.conclusion();
        total = event.total();
    }
}
