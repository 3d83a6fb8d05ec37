package dev.vpctrain.aws.job;

import java.util.Objects;
import java.util.Optional;

/** One member where a requested job differs from the existing job of the same name. */
public final class RequestDifference {
  private final String path;
  private final String requested;
  private final String existing;

  private RequestDifference(String path, String requested, String existing) {
    this.path = Objects.requireNonNull(path);
    this.requested = requested;
    this.existing = existing;
  }

  /** A difference at {@code path}; null JSON means "absent" on that side. */
  public static RequestDifference of(String path, String requestedJson, String existingJson) {
    return new RequestDifference(path, requestedJson, existingJson);
  }

  /** The member path, for example {@code ResourceConfig.InstanceCount}. */
  public String path() {
    return path;
  }

  /** The requested value as JSON; empty when the request does not set it. */
  public Optional<String> requested() {
    return Optional.ofNullable(requested);
  }

  /** The existing job's value as JSON; empty when the existing job does not have it. */
  public Optional<String> existing() {
    return Optional.ofNullable(existing);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RequestDifference
        && ((RequestDifference) o).path.equals(path)
        && Objects.equals(((RequestDifference) o).requested, requested)
        && Objects.equals(((RequestDifference) o).existing, existing);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, requested, existing);
  }

  @Override
  public String toString() {
    return path + " (requested " + (requested == null ? "absent" : requested)
        + ", existing " + (existing == null ? "absent" : existing) + ")";
  }
}
