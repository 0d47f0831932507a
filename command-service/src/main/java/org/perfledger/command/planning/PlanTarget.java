package org.perfledger.command.planning;

import org.perfledger.kernel.plan.PlanId;

/**
 * The plan a request addresses (from its path) and the version the client expects it to be at (from
 * {@code If-Match}, or null).
 */
public record PlanTarget(PlanId plan, Long expectedVersion) {
}
