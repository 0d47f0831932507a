package org.perfledger.command.assessment;

import java.util.Map;
import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.planning.PlanCommand;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.assessment.AssessmentConclusion;
import org.perfledger.kernel.assessment.AssessmentCriterion;
import org.perfledger.kernel.assessment.AssessmentEvents.Statement;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.performance.Points;
import org.perfledger.kernel.plan.PlanId;
import org.perfledger.kernel.security.Role;

/** The commands of the ex-ante assessment (事前绩效评估). */
public final class AssessmentCommands {

    private AssessmentCommands() {
    }

    /** The department states each criterion of a new project's assessment, with its evidence. */
    @SentBy(Role.DEPARTMENT_EDITOR)
    public record SubmitAssessment(PlanId plan, Map<AssessmentCriterion, Statement> statements, Long expectedVersion)
            implements PlanCommand {

        public SubmitAssessment {
            statements = statements == null ? Map.of() : Map.copyOf(statements);
        }
    }

    /** District finance scores the submitted round under its scheme and concludes, with its opinion. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record ConcludeAssessment(PlanId plan, Map<AssessmentCriterion, Points> scores,
                                     AssessmentConclusion conclusion, String opinion, String assessor,
                                     Long expectedVersion) implements PlanCommand {

        public ConcludeAssessment {
            scores = scores == null ? Map.of() : Map.copyOf(scores);
        }
    }

    /** District finance sets the year's scheme of ex-ante assessments: the points of each criterion. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record SetAssessmentScheme(DistrictId district, FiscalYear year, Map<AssessmentCriterion, Points> weights,
                                      String source) implements DistrictCommand {

        public SetAssessmentScheme {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(year, "year");
            weights = weights == null ? Map.of() : Map.copyOf(weights);
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return Streams.assessmentScheme(district, year);
        }
    }
}
