package dev.vpctrain.core.job;

import java.util.List;
import java.util.Objects;

/**
 * One way the job touches S3: a location, the request field it comes from and the S3 actions
 * SageMaker performs there on the job's behalf.
 */
public final class S3Access {
  private final String field;
  private final S3Uri location;
  private final List<String> actions;

  public S3Access(String field, S3Uri location, List<String> actions) {
    this.field = Objects.requireNonNull(field);
    this.location = Objects.requireNonNull(location);
    this.actions = List.copyOf(actions);
  }

  /** The request field, for example {@code InputDataConfig[0].DataSource.S3DataSource.S3Uri}. */
  public String field() {
    return field;
  }

  public S3Uri location() {
    return location;
  }

  /** For example {@code s3:GetObject}, {@code s3:ListBucket}, {@code s3:PutObject}. */
  public List<String> actions() {
    return actions;
  }

  /** True when the job writes here. */
  public boolean writes() {
    return actions.contains("s3:PutObject");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Access
        && ((S3Access) o).field.equals(field)
        && ((S3Access) o).location.equals(location)
        && ((S3Access) o).actions.equals(actions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, location, actions);
  }

  @Override
  public String toString() {
    return field + " " + location + " " + actions;
  }
}
