package dev.vpctrain.aws.json;

/** A JSON document does not fit an AWS API shape: names the JSON path and what was expected there. */
public final class SdkJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String path;

  public SdkJsonException(String path, String problem) {
    super(path + ": " + problem);
    this.path = path;
  }

  /** The JSON path of the offending value, for example {@code ResourceConfig.InstanceCount}. */
  public String path() {
    return path;
  }
}
