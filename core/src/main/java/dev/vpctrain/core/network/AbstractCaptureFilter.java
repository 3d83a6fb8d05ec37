package dev.vpctrain.core.network;

import java.util.List;
import org.immutables.value.Value;

/**
 * One filter a read call was made with ({@code Name=vpc-id,Values=vpc-…}): the call's output holds
 * only what the filter selects ({@code captureFilters}). Several filters of one call
 * all apply (AND); the values of one filter are alternatives (OR).
 */
@Value.Immutable
abstract class AbstractCaptureFilter {
  /** {@return the filter name, for example {@code vpc-id}} */
  @Value.Parameter
  public abstract String name();

  /** {@return the values the filter selects, any of which matches} */
  @Value.Parameter
  public abstract List<String> values();

  /**
   * Checks the values when an instance is built (an Immutables {@code @Value.Check}).
   *
   * @throws IllegalStateException when the filter name is blank
   */
  @Value.Check
  protected void check() {
    Ids.require(name(), "filter name");
  }
}
