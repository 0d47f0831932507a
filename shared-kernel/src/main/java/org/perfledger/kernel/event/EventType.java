package org.perfledger.kernel.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The stable name and schema version of an event type. The name is what the event store and the event topic hold,
 * so a class can be renamed or moved without touching stored history; changing the shape of an event means a new
 * version and an upcaster from the old one.
 *
 * <p>Our own annotation rather than Axon's {@code @Revision}, so that the published language carries no framework;
 * the command side resolves revisions from it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

    /** Stable name, e.g. {@code DepartmentBudgetAdjusted}. Never change it once events of the type are stored. */
    String name();

    /** Schema version of the payload, starting at 1. */
    int version();
}
