package dev.vpctrain.aws.job;

import dev.vpctrain.core.VpcTrainStyle;
import java.util.Optional;
import org.immutables.value.Value;

/** One member where a requested job differs from the existing job of the same name. */
@Value.Immutable
@VpcTrainStyle
abstract class AbstractRequestDifference {
  /** {@return the member path, for example {@code ResourceConfig.InstanceCount}} */
  public abstract String path();

  /** {@return the requested value as JSON; empty when the request does not set it} */
  public abstract Optional<String> requested();

  /** {@return the existing job's value as JSON; empty when the existing job does not have it} */
  public abstract Optional<String> existing();

  /**
   * {@return a difference at {@code path}; null JSON means "absent" on that side}
   *
   * @param path the JSON path of the member
   * @param requestedJson the requested JSON
   * @param existingJson the existing JSON
   */
  public static RequestDifference of(String path, String requestedJson, String existingJson) {
    return RequestDifference.builder().path(path)
        .requested(Optional.ofNullable(requestedJson)).existing(Optional.ofNullable(existingJson)).build();
  }

  @Override
  public String toString() {
    return path() + " (requested " + requested().orElse("absent") + ", existing " + existing().orElse("absent") + ")";
  }
}
