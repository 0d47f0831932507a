package org.perfledger.command.scoring;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;
import org.perfledger.kernel.security.Role;

/** District finance sets the scoring scheme of one kind of evaluation for a year: a new version. */
@SentBy(Role.DISTRICT_FINANCE)
public record SetScoringScheme(DistrictId district, FiscalYear year, EvaluationKind kind, ScoringScheme scheme)
        implements DistrictCommand {

    public SetScoringScheme {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheme, "scheme");
    }

    @TargetAggregateIdentifier
    public String aggregateId() {
        return ScoringSchemeBook.aggregateId(district, year, kind);
    }
}
