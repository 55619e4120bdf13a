package nl.mediatafel.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of our public JSON API ({@code /api/cases}, {@code /api/coaching}): its errors are answered by
 * {@link ApiProblems}, in one shape for every such API.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface JsonApi {}
