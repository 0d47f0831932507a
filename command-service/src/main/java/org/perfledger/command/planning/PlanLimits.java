package org.perfledger.command.planning;

/** How long a plan's texts and lists may be: the bounds every form and command of a plan is held to. */
public final class PlanLimits {

    public static final int MAX_NAME = 200;
    public static final int MAX_SHORT_TEXT = 100;
    public static final int MAX_REASON = 500;
    public static final int MAX_TEXT = 2000;
    public static final int MAX_LONG_TEXT = 5000;
    public static final int MAX_LIST = 100;

    private PlanLimits() {
    }
}
