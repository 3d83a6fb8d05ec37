package dev.vpctrain.core;

import java.util.Objects;

/**
 * An input file (a job file or a snapshot bundle) is not what vpctrain expects. Names the file, the
 * JSON path of the offending member ({@code ec2.DescribeSubnets.Subnets[3].AvailableIpAddressCount})
 * and what was expected. The command line maps it to exit code 65.
 */
public class InvalidInputException extends VpcTrainException {
  private static final long serialVersionUID = 1L;

  /** The file as the user named it; empty when the thrower did not know it. */
  private final String file;
  /** The JSON path of the offending member; empty for the document itself. */
  private final String jsonPath;
  /** What was expected, and what was found. */
  private final String expectation;

  /**
   * Creates the exception for an input file whose content is refused. The message is
   * {@code file: jsonPath: expectation}, leaving out an empty file or path.
   *
   * @param file the file as the user named it, for example {@code network.json}; empty when not known
   * @param jsonPath the JSON path of the offending member, for example
   *     {@code ec2.DescribeSubnets.Subnets[3].AvailableIpAddressCount}; empty for the document itself
   * @param expectation what was expected, and what was found
   */
  public InvalidInputException(String file, String jsonPath, String expectation) {
    this(file, jsonPath, expectation, null);
  }

  /**
   * For a document checked before its file is known (the AWS-shape converter's errors): the file is
   * empty and the message starts at the JSON path; the reader that knows the file names it.
   *
   * @param jsonPath the JSON path of the offending member; empty for the document itself
   * @param expectation what was expected, and what was found
   */
  protected InvalidInputException(String jsonPath, String expectation) {
    this("", jsonPath, expectation, null);
  }

  /**
   * Creates the exception for an input file whose content is refused, with its cause.
   *
   * @param file the file as the user named it, for example {@code network.json}; empty when not known
   * @param jsonPath the JSON path of the offending member, for example
   *     {@code ec2.DescribeSubnets.Subnets[3].AvailableIpAddressCount}; empty for the document itself
   * @param expectation what was expected, and what was found
   * @param cause the parser's or reader's exception; {@code null} for none
   * @throws NullPointerException when the file, path or expectation is null
   */
  public InvalidInputException(String file, String jsonPath, String expectation, Throwable cause) {
    super(format(file, jsonPath, expectation), cause);
    this.file = Objects.requireNonNull(file, "file");
    this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
    this.expectation = Objects.requireNonNull(expectation, "expectation");
  }

  /**
   * For subtypes that word their own message (for example with line and column); the facts are the
   * same three.
   *
   * @param message what was found, in one sentence or more
   * @param file the file as the user named it, for example {@code network.json}; empty when not known
   * @param jsonPath the JSON path of the offending member, for example
   *     {@code ec2.DescribeSubnets.Subnets[3].AvailableIpAddressCount}; empty for the document itself
   * @param expectation what was expected, and what was found
   * @param cause the parser's or reader's exception; {@code null} for none
   */
  protected InvalidInputException(String message, String file, String jsonPath, String expectation, Throwable cause) {
    super(message, cause);
    this.file = Objects.requireNonNull(file, "file");
    this.jsonPath = Objects.requireNonNull(jsonPath, "jsonPath");
    this.expectation = Objects.requireNonNull(expectation, "expectation");
  }

  private static String format(String file, String jsonPath, String expectation) {
    return (file.isEmpty() ? "" : file + ": ") + (jsonPath.isEmpty() ? "" : jsonPath + ": ") + expectation;
  }

  /** {@return the file as the user named it; empty when the thrower did not know it} */
  public String file() {
    return file;
  }

  /** {@return the JSON path of the offending member; empty for the document itself} */
  public String jsonPath() {
    return jsonPath;
  }

  /** {@return what was expected, and what was found} */
  public String expectation() {
    return expectation;
  }
}
