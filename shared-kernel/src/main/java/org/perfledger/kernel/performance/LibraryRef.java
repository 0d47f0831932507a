package org.perfledger.kernel.performance;

import java.util.Objects;

/** The indicator of district finance's library (指标库), and its version, that a plan's indicator was picked from. */
public record LibraryRef(IndicatorCode code, int version) {

    public LibraryRef {
        Objects.requireNonNull(code, "code");
    }
}
