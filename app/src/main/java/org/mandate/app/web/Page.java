package org.mandate.app.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller outside this package whose answers are pages (a feature's {@code web} package, the auditor's,
 * the process owner's, insights), so that its errors are answered by {@link PageErrors} with a page instead of
 * problem+json. {@code ModuleDependenciesTest} checks that every controller in a feature's {@code web} package
 * carries it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Page {
}
