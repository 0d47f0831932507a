package org.perfledger.kernel.performance;

/** How an actual value is held against a target number. */
public enum Comparator {
    /** ≥, 不少于, 以上, and a bare number where more is better. */
    AT_LEAST("≥"),
    /** >, 高于, and 余 in an actual (1000余人). */
    MORE_THAN(">"),
    /** ≤, 不超过, 以内, and a bare 0 or a time limit (5个工作日) where less is better. */
    AT_MOST("≤"),
    /** <, 低于. */
    LESS_THAN("<"),
    /** =. */
    EQUAL("="),
    /** 左右, 约. */
    ABOUT("≈");

    private final String symbol;

    Comparator(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }

    /** Lower is better for a ceiling. */
    public boolean isCeiling() {
        return this == AT_MOST || this == LESS_THAN;
    }

    /** The sign pointing the other way (≥ and ≤, > and <); = and ≈ point no way and stay as they are. */
    public Comparator opposite() {
        return switch (this) {
            case AT_LEAST -> AT_MOST;
            case AT_MOST -> AT_LEAST;
            case MORE_THAN -> LESS_THAN;
            case LESS_THAN -> MORE_THAN;
            case EQUAL, ABOUT -> this;
        };
    }
}
