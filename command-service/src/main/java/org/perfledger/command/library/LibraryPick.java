package org.perfledger.command.library;

import org.perfledger.command.platform.DomainRejection;
import org.perfledger.command.platform.DomainRejection.Kind;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.performance.LibraryRef;

/**
 * The rule of picking a plan's indicator from the library: the district's library holds the code, it is not retired,
 * and the indicator keeps the library's 一级 and 二级 class (its name, unit and target are the plan's own).
 */
public final class LibraryPick {

    private LibraryPick() {
    }

    /** The library indicator picked, at its version in force. */
    public static LibraryRef check(IndicatorLibrary library, DistrictId district, IndicatorCode code,
                                   IndicatorLevel1 level1, IndicatorLevel2 level2) {
        LibraryIndicator.Entry entry = library.find(district, code).orElseThrow(() -> new DomainRejection(Kind.RULE,
                "indicator.library-unknown", "library", "the district's indicator library has no " + code));
        if (entry.retired()) {
            throw new DomainRejection(Kind.RULE, "indicator.library-retired", "library", "library indicator " + code
                    + " (" + entry.name() + ") is retired and cannot be picked");
        }
        if (entry.level1() != level1 || entry.level2() != level2) {
            throw new DomainRejection(Kind.RULE, "indicator.library-class", "level2", "library indicator " + code
                    + " is a " + entry.level1().label() + " / " + entry.level2().label() + ", not "
                    + (level1 == null ? "—" : level1.label()) + " / " + (level2 == null ? "—" : level2.label()));
        }
        return new LibraryRef(code, entry.version());
    }
}
