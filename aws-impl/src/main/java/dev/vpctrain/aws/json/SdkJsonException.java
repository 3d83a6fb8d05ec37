package dev.vpctrain.aws.json;

/** A JSON document does not fit an AWS API shape: names the JSON path and what was expected there. */
public final class SdkJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String problem;

  public SdkJsonException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
    this.problem = problem;
  }

  /** What was expected at {@link #path()} and what was found, for example {@code expected an integer but was "x"}. */
  public String problem() {
    return problem;
  }

  /** The JSON path of the offending value, for example {@code ResourceConfig.InstanceCount}. */
  public String path() {
    return path;
  }
}
