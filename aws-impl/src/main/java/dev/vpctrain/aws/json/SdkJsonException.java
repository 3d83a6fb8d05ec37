package dev.vpctrain.aws.json;

import dev.vpctrain.core.InvalidInputException;

/**
 * A JSON document does not fit an AWS API shape: names the JSON path and what was expected there.
 * The converter does not know the file, so {@link #file()} is empty and the message is
 * {@code path: problem}; a reader that knows the file rethrows it as an {@link InvalidInputException}
 * naming the file. Escaping as it is, it is still invalid input (exit code 65).
 */
public final class SdkJsonException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  public SdkJsonException(String path, String problem) {
    super(path, problem);
  }

  /** The JSON path of the offending value, for example {@code ResourceConfig.InstanceCount}. */
  public String path() {
    return jsonPath();
  }

  /** The same error in {@code file}. */
  public InvalidInputException inFile(String file) {
    return new InvalidInputException(file, jsonPath(), expectation(), this);
  }
}
