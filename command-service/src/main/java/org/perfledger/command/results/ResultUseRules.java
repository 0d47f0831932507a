package org.perfledger.command.results;

import java.util.Map;
import java.util.Optional;
import org.perfledger.kernel.evaluation.Grade;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.results.ResultRule;

/** Finance's rules of using a year's results, as a plan's command reads them. */
public interface ResultUseRules {

    /** A version of the rules: one for every grade. */
    record Version(int version, Map<Grade, ResultRule> rules) {
    }

    /** The rules in force for the plans of the year, or empty where finance has set none. */
    Optional<Version> current(DistrictId district, FiscalYear year);
}
