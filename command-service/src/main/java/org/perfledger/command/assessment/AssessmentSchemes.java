package org.perfledger.command.assessment;

import java.util.Optional;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;

/** The scheme of ex-ante assessments in force, which a conclusion records with its version. */
public interface AssessmentSchemes {

    /** The current version, or empty when district finance has set none for the year. */
    Optional<AssessmentSchemeBook.Version> current(DistrictId district, FiscalYear year);
}
