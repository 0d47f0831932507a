package org.perfledger.kernel.assessment;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.plan.PlanEvent;
import org.perfledger.kernel.plan.PlanId;

/**
 * 事前绩效评估: before a new project gets money, its department states why it is needed, economical, well aimed,
 * feasible and compliantly funded; district finance (or an evaluator it assigns) scores each under the district's
 * scheme and concludes. "没有事前评估或评估未通过的，不得安排预算".
 */
public final class AssessmentEvents {

    private AssessmentEvents() {
    }

    /** What the department states for one criterion, and the evidence it offers (a document, a survey), if any. */
    public record Statement(String text, String evidence) {

        public Statement {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * District finance's scheme for the year's ex-ante assessments, a new version each time: the points of each
     * criterion (the example and common practice: 20 each, 100 in all), and where the scheme comes from.
     */
    @EventType(name = "AssessmentSchemeSet", version = 1)
    public record AssessmentSchemeSet(DistrictId district, FiscalYear year, int version,
                                      Map<AssessmentCriterion, Points> weights, String source)
            implements PerfLedgerEvent {

        public AssessmentSchemeSet {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            weights = Collections.unmodifiableMap(new TreeMap<>(weights));
        }
    }

    /** The department submits its assessment of a project (again, after one that was not supported: a new round). */
    @EventType(name = "AssessmentSubmitted", version = 1)
    public record AssessmentSubmitted(PlanId plan, int round, Map<AssessmentCriterion, Statement> statements)
            implements PlanEvent {

        public AssessmentSubmitted {
            Objects.requireNonNull(plan, "plan");
            statements = Collections.unmodifiableMap(new TreeMap<>(statements));
        }
    }

    /**
     * Finance scores a round under a version of the scheme and concludes; {@code assessor} names the evaluator that
     * assessed it for finance (a third-party agency), or is null when finance did it itself; {@code opinion} says why.
     */
    @EventType(name = "AssessmentConcluded", version = 1)
    public record AssessmentConcluded(PlanId plan, int round, int schemeVersion,
                                      Map<AssessmentCriterion, Points> weights, Map<AssessmentCriterion, Points> scores,
                                      BigDecimal total, AssessmentConclusion conclusion, String opinion,
                                      String assessor) implements PlanEvent {

        public AssessmentConcluded {
            Objects.requireNonNull(plan, "plan");
            weights = Collections.unmodifiableMap(new TreeMap<>(weights));
            scores = Collections.unmodifiableMap(new TreeMap<>(scores));
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(conclusion, "conclusion");
        }
    }
}
