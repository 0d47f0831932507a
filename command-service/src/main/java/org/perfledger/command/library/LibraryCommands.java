package org.perfledger.command.library;

import java.util.Objects;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.perfledger.command.platform.DistrictCommand;
import org.perfledger.command.platform.SentBy;
import org.perfledger.kernel.event.Streams;
import org.perfledger.kernel.library.LibraryKind;
import org.perfledger.kernel.library.TargetBasis;
import org.perfledger.kernel.organisation.DistrictId;
import org.perfledger.kernel.performance.Direction;
import org.perfledger.kernel.performance.IndicatorCode;
import org.perfledger.kernel.performance.IndicatorLevel1;
import org.perfledger.kernel.performance.IndicatorLevel2;
import org.perfledger.kernel.security.Role;

/** District finance's indicator library (指标库). */
public final class LibraryCommands {

    private LibraryCommands() {
    }

    /** Defines a library indicator, or a new version of it. {@code sector}: for a 个性指标 only. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record DefineLibraryIndicator(DistrictId district, IndicatorCode code, LibraryKind kind, String sector,
                                         IndicatorLevel1 level1, IndicatorLevel2 level2, String name, String unit,
                                         Direction direction, TargetBasis basis, String guidance)
            implements DistrictCommand {

        public DefineLibraryIndicator {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(level1, "level1");
            Objects.requireNonNull(level2, "level2");
            Objects.requireNonNull(direction, "direction");
            Objects.requireNonNull(basis, "basis");
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return Streams.libraryIndicator(district, code);
        }
    }

    /** Retires a library indicator: plans keep it, new drafts cannot pick it. */
    @SentBy(Role.DISTRICT_FINANCE)
    public record RetireLibraryIndicator(DistrictId district, IndicatorCode code, String reason)
            implements DistrictCommand {

        public RetireLibraryIndicator {
            Objects.requireNonNull(district, "district");
            Objects.requireNonNull(code, "code");
        }

        @TargetAggregateIdentifier
        public String aggregateId() {
            return Streams.libraryIndicator(district, code);
        }
    }
}
