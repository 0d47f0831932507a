package org.perfledger.command.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.perfledger.kernel.security.Role;

/**
 * The roles that may send a command. A department editor may send it only for its own department. A command without
 * this annotation may be sent by nobody.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface SentBy {

    Role[] value();
}
