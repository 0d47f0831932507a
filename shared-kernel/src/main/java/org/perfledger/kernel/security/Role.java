package org.perfledger.kernel.security;

import java.util.Optional;

/** Who may do what on PerfLedger. A user's roles, district and department come from their token. */
public enum Role {
    /** Onboards districts, nothing else. */
    PLATFORM_ADMIN,
    /** Reads every department of its district, approves targets and adjustments, reviews self-evaluations, sets schemes. */
    DISTRICT_FINANCE,
    /** Writes only its own department's plans. */
    DEPARTMENT_EDITOR,
    /** Reads only its own department. */
    DEPARTMENT_VIEWER,
    /** Reads everything in its district, including the event log; writes nothing. */
    AUDITOR,
    /**
     * Writes the evaluations commissioned from it (部门评价, 财政重点评价; often a third-party agency's staff) and reads
     * the plans they are of, nothing else.
     */
    EVALUATOR;

    public static Optional<Role> of(String name) {
        for (Role role : values()) {
            if (role.name().equalsIgnoreCase(name.replace('-', '_'))) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }

    /** Whether the role sees every department of its district (otherwise only its own). */
    public boolean readsWholeDistrict() {
        return this == DISTRICT_FINANCE || this == AUDITOR;
    }
}
