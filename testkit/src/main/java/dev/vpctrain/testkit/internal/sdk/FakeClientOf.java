package dev.vpctrain.testkit.internal.sdk;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a fake service handler: the testkit build generates class {@link #name()} in the handler's
 * package, implementing the client interface {@link #value()} with every operation going to a
 * {@link ClientDispatch}. Internal to the testkit.
 */
@Retention(RetentionPolicy.SOURCE)
@Target(ElementType.TYPE)
public @interface FakeClientOf {
  /** The AWS SDK client interface, for example {@code Ec2Client.class}. */
  Class<?> value();

  /** The simple name of the generated implementation. */
  String name();
}
