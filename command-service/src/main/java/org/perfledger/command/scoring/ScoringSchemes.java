package org.perfledger.command.scoring;

import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;

/** The scheme version in force, which a self-evaluation records so its final score can always be computed again. */
public interface ScoringSchemes {

    /** The current version, or null if district finance has set none. */
    Integer currentVersion(DistrictId district, FiscalYear year, EvaluationKind kind);
}
