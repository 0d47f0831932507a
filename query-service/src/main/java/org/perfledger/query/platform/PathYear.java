package org.perfledger.query.platform;

import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.organisation.FiscalYear;
import org.perfledger.kernel.validation.InvalidValueException;

/** The district and fiscal year a path names; a path naming none is a resource that does not exist (404). */
public final class PathYear {

    private PathYear() {
    }

    /** @throws NotFoundException ({@code year.not-found}) when the district or the year is no such thing */
    public static FiscalYear of(String district, String year) {
        try {
            DistrictId.of(district);
            return FiscalYear.parse(year);
        } catch (InvalidValueException e) {
            throw new NotFoundException("year", "year.not-found", "no such year: " + e.getMessage());
        }
    }
}
