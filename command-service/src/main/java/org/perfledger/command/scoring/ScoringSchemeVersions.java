package org.perfledger.command.scoring;

import java.util.Optional;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.scoring.EvaluationKind;
import org.perfledger.kernel.scoring.ScoringScheme;

/** A version of finance's scoring scheme, to score a plan again under the version its self-evaluation recorded. */
public interface ScoringSchemeVersions {

    /** The scheme of that version, or empty if finance never set it. */
    Optional<ScoringScheme> scheme(DistrictId district, FiscalYear year, EvaluationKind kind, int version);
}
