package dev.vpctrain.core;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The one Immutables style of the project ("sandwich"): an abstract {@code AbstractFoo} holds the
 * data, validation ({@code @Value.Check}) and Javadoc; the generated public {@code Foo} carries
 * {@code Foo.builder()} and the {@code with*} copies. Applied in each value package's
 * {@code package-info.java}. Not for users. {@code AbstractFoo} is package-private unless
 * {@code Foo} must show a nested type (an enum, a hand-written builder): a member type of a
 * package-private class cannot be named through {@code Foo} outside the package.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    typeAbstract = "Abstract*",
    typeImmutable = "*",
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    depluralize = true,
    jdkOnly = true,
    allParameters = false,
    defaults = @Value.Immutable(copy = true))
public @interface VpcTrainStyle {}
