package dev.vpctrain.aws.job;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.InvalidInputException;
import java.util.List;
import java.util.Optional;

/**
 * A JSON document does not fit an AWS API shape: names the JSON path and what was expected there.
 * Besides the message, it says what kind of misfit it is, so that a reader of a named file can word
 * it in its own terms: an unknown member (with the members the shape has, in the API's order) or a
 * wrongly typed value (with the expected type and the value found).
 *
 * <p>The converter does not know the file, so {@link #file()} is empty and the message is
 * {@code path: problem}; a reader that knows the file rethrows it with {@link #inFile(String)}.
 * Escaping as it is, it is still invalid input (exit code 65).
 */
public final class SdkJsonException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /** What was expected, for a wrongly typed value. */
  private final String expected;
  /** The unknown member's name. */
  private final String member;
  private final transient JsonNode found;
  private final transient List<String> members;

  /**
   * Creates the exception for a member of a JSON document.
   *
   * @param path the JSON path of the member
   * @param problem what is wrong
   */
  public SdkJsonException(String path, String problem) {
    this(path, problem, null, null, null, List.of());
  }

  private SdkJsonException(String path, String problem, String expected, JsonNode found, String member,
      List<String> members) {
    super(path, problem);
    this.expected = expected;
    this.member = member;
    this.found = found;
    this.members = List.copyOf(members);
  }

  /**
   * {@return a value of the wrong type: {@code expected} is the type in words ("an integer")}
   *
   * @param path the JSON path of the member
   * @param problem what is wrong
   * @param expected the expected
   * @param found the found
   */
  public static SdkJsonException wrongType(String path, String problem, String expected, JsonNode found) {
    return new SdkJsonException(path, problem, expected, found, null, List.of());
  }

  /**
   * {@return the exception for member {@code name}, which the shape does not have; {@code members} are the ones it has, in the API's order}
   *
   * @param path the JSON path of the member
   * @param problem what is wrong
   * @param name the name
   * @param members the members
   */
  public static SdkJsonException unknownMember(String path, String problem, String name, List<String> members) {
    return new SdkJsonException(path, problem, null, null, name, members);
  }

  /** {@return the JSON path of the offending value, for example {@code ResourceConfig.InstanceCount}} */
  public String path() {
    return jsonPath();
  }

  /**
   * {@return the same error in {@code file}}
   *
   * @param file the file
   */
  public InvalidInputException inFile(String file) {
    return new InvalidInputException(file, jsonPath(), expectation(), this);
  }

  /** {@return what is wrong at {@link #path()}, without the path} */
  public String problem() {
    return expectation();
  }

  /**
   * For a wrongly typed value, the type the shape expects, in words ("an integer", "true or false").
   *
   * @return what was expected, when known
   */
  public Optional<String> expected() {
    return Optional.ofNullable(expected);
  }

  /**
   * For a wrongly typed value, the value found (a JSON {@code null} included).
   *
   * @return the value found instead, when known
   */
  public Optional<JsonNode> found() {
    return Optional.ofNullable(found);
  }

  /**
   * For an unknown member, its name.
   *
   * @return the name of the unknown member, for that problem
   */
  public Optional<String> unknownMember() {
    return Optional.ofNullable(member);
  }

  /**
   * For an unknown member, the members the shape has, in the API's order; empty otherwise.
   *
   * @return the members the structure has, for an unknown member; empty otherwise
   */
  public List<String> members() {
    return members == null ? List.of() : members;
  }
}
