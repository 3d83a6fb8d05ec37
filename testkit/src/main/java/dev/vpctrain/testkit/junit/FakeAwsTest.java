package dev.vpctrain.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class (or method) with a fresh {@link dev.vpctrain.testkit.FakeAws} per test,
 * injected as a parameter of test and lifecycle methods. On a method it overrides the class's.
 *
 * <pre>{@code
 * @FakeAwsTest(scenario = "no-s3-endpoint")
 * class LauncherTest {
 *   @Test void refuses(FakeAws aws) { ... }
 * }
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@ExtendWith(FakeAwsExtension.class)
public @interface FakeAwsTest {
  /** {@return a scenario of {@code Scenarios} by name ({@code ready-private-endpoints}, {@code no-s3-endpoint}…); none by default} */
  String scenario() default "";

  /** {@return a snapshot bundle to load: a file path, else a classpath resource; none by default} */
  String bundle() default "";

  /** {@return whether each DescribeTrainingJob moves a running job one step (default true)} */
  boolean stepOnDescribe() default true;

  /** {@return where the virtual clock starts, as an ISO-8601 instant; {@code VirtualClock.DEFAULT_START} by default} */
  String startingAt() default "";
}
