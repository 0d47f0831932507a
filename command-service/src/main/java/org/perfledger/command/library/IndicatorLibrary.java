package org.perfledger.command.library;

import java.util.Optional;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.IndicatorCode;

/** District finance's indicator library as a plan's command sees it. */
public interface IndicatorLibrary {

    /** The library indicator as it stands, or empty if the district's library has no such code. */
    Optional<LibraryIndicator.Entry> find(DistrictId district, IndicatorCode code);
}
