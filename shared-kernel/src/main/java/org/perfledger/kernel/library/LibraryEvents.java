package org.perfledger.kernel.library;

import java.util.Objects;
import org.perfledger.kernel.event.EventType;
import org.perfledger.kernel.event.PerfLedgerEvent;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.Indicator;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.validation.Checks;

/** District finance's indicator library (指标库): what it defines, version by version, and what it retires. */
public final class LibraryEvents {

    public static final int MAX_SECTOR = 60;
    public static final int MAX_UNIT = 20;

    private LibraryEvents() {
    }

    /**
     * Finance defines a library indicator, or a new version of one: its stable code, whether it is common (共性) or of
     * a sector (个性, {@code sector} names it), its 一级 and 二级 class, its name and unit, which way is better, how its
     * target is best set, and what finance says of it ({@code guidance}, where it says anything).
     */
    @EventType(name = "LibraryIndicatorDefined", version = 1)
    public record LibraryIndicatorDefined(DistrictId district, IndicatorCode code, int version, LibraryKind kind,
                                          String sector, IndicatorLevel1 level1, IndicatorLevel2 level2, String name,
                                          String unit, Direction direction, TargetBasis basis, String guidance)
            implements PerfLedgerEvent {

        public LibraryIndicatorDefined {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(level1, "level1");
            Objects.requireNonNull(level2, "level2");
            Checks.requireText(name, "indicator name", Indicator.MAX_NAME_LENGTH);
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(basis, "basis");
            Indicator.requireLevels(level1, level2);
        }
    }

    /** Finance retires a library indicator: plans that use it keep it, new drafts cannot pick it. */
    @EventType(name = "LibraryIndicatorRetired", version = 1)
    public record LibraryIndicatorRetired(DistrictId district, IndicatorCode code, String reason)
            implements PerfLedgerEvent {

        public LibraryIndicatorRetired {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
