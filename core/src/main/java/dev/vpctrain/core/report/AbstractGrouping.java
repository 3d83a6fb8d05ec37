package dev.vpctrain.core.report;

import java.util.List;
import org.immutables.value.Value;

/**
 * How a finding merges with others of the same cause. A rule that checks each job subnet (or
 * security group, interface, ...) on its own finds one fault several times when the subnets share
 * its cause: one route table, one network ACL, one endpoint, one role policy. It gives each such
 * finding a grouping: the finding's own {@linkplain #subjects() subjects} as its message names them,
 * and a {@linkplain #message() message written for the group}. The report shows findings of one rule
 * with the same severity, outcome, acceptance, remediation and group message as one finding: its
 * message is the group message with the subjects listed, its resources those of every merged finding
 * ({@link PreflightReport}). A finding alone keeps its own message.
 */
@Value.Immutable
abstract class AbstractGrouping {
  /** The placeholder of {@link #message()} that stands for the list of subjects. */
  public static final String SUBJECTS = "{subjects}";

  /**
   * How the message names this finding's own resources, for example {@code subnet-0a1b2c3d4e5f60101 (us-east-1a)}.
   *
   * @return the subjects, at least one
   */
  public abstract List<String> subjects();

  /**
   * The message for a group of such findings, naming the shared cause, with {@value #SUBJECTS}
   * where the list of subjects goes, for example {@code Subnets {subjects} have no route to S3: their
   * route table rtb-… has no S3 gateway endpoint route.} Used only for two or more subjects.
   *
   * @return the group message
   */
  public abstract String message();

  /**
   * A grouping of one subject, the usual case: one finding about one subnet (or group, interface…).
   *
   * @param subject how the message names the finding's resource, for example
   *     {@code subnet-0a1b2c3d4e5f60101 (us-east-1a)}
   * @param message the group message, with {@value #SUBJECTS} where the list of subjects goes
   * @return the grouping
   * @throws IllegalArgumentException when the message lacks {@value #SUBJECTS}
   */
  public static Grouping of(String subject, String message) {
    return Grouping.builder().addSubject(subject).message(message).build();
  }

  /**
   * The group message with the subjects listed: {@code a, b and c}.
   *
   * @return the group message with {@value #SUBJECTS} replaced by the subjects
   */
  public String render() {
    return message().replace(SUBJECTS, list(subjects()));
  }

  /** {@code a}, {@code a and b}, {@code a, b and c}. */
  static String list(List<String> items) {
    if (items.size() <= 1) {
      return String.join("", items);
    }
    return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
  }

  /** Refuses a grouping without subjects or a message without {@value #SUBJECTS}. */
  @Value.Check
  protected void check() {
    if (subjects().isEmpty()) {
      throw new IllegalArgumentException("a grouping names at least one subject");
    }
    if (!message().contains(SUBJECTS)) {
      throw new IllegalArgumentException("a group message lists its subjects with " + SUBJECTS + ": " + message());
    }
  }
}
