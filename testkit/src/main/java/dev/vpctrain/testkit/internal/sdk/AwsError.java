package dev.vpctrain.testkit.internal.sdk;

/**
 * An AWS error a fake operation answers with: the code, message and HTTP status as the service
 * sends them. The client proxy turns it into the SDK's own exception type with request id and
 * {@code awsErrorDetails}. Internal to the testkit.
 */
public final class AwsError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;
  private final int status;

  public AwsError(String code, String message, int status) {
    super(message, null, false, false);
    this.code = code;
    this.status = status;
  }

  /** A 400 error. */
  public static AwsError client(String code, String message) {
    return new AwsError(code, message, 400);
  }

  public String code() {
    return code;
  }

  public int status() {
    return status;
  }
}
