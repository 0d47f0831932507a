package org.perfledger.kernel.scoring;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/**
 * District finance set the scoring scheme for one kind of evaluation in one year. Each setting is a new version; the
 * earlier ones stay, so a score computed under any of them can be computed again.
 */
@EventType(name = "ScoringSchemeSet", version = 1)
public record ScoringSchemeSet(DistrictId district, FiscalYear year, EvaluationKind kind, int version,
                               ScoringScheme scheme) implements PerfLedgerEvent {

    public ScoringSchemeSet {
        Objects.requireNonNull(district, "district");
        Objects.requireNonNull(year, "year");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(scheme, "scheme");
    }
}
