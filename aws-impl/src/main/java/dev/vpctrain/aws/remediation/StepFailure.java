package dev.vpctrain.aws.remediation;

/** A step's AWS call failed: the operation, the AWS error code and message. Internal to applying. */
final class StepFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String operation;
  private final String code;

  StepFailure(String operation, String code, String message) {
    super(message, null, false, false);
    this.operation = operation;
    this.code = code;
  }

  String operation() {
    return operation;
  }

  String code() {
    return code;
  }
}
