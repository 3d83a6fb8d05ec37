package dev.vpctrain.core.remediation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.internal.policy.JsonDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What to write so that a live policy becomes what a plan step wants, without losing anything set
 * since the plan was made: nothing (already there), a document to put, or a conflict to report.
 *
 * <p>When the live policy is still the one the plan saw, the planned document is put as it is.
 * When it changed and the plan only adds statements, those statements are merged into the live
 * policy (every live statement kept). When it changed and the plan replaces statements, applying
 * would overwrite someone's newer policy: that is a conflict, and planning again resolves it.
 */
public final class PolicyUpdate {
  /** What {@link PolicyUpdate#decide} decided. */
  public enum Kind {
    /** The live policy already has what the step wants: nothing to write. */
    ALREADY_DONE,
    /** Write {@link PolicyUpdate#document()}. */
    PUT,
    /** The live policy changed since the plan in a way the step would overwrite: plan again. */
    CONFLICT
  }

  private final Kind kind;
  private final Optional<String> document;
  private final String reason;

  private PolicyUpdate(Kind kind, Optional<String> document, String reason) {
    this.kind = kind;
    this.document = document;
    this.reason = reason;
  }

  /**
   * Decides how to move {@code live} to {@code target}, given that the plan was made against
   * {@code planned}. {@code source} names the policy in messages ({@code policy of vpce-…}).
   *
   * @param live the policy read from AWS just now, JSON; empty when the resource has none
   * @param planned the policy the plan was made against ({@code currentPolicy} of the step's change); empty
   *     when it had none
   * @param target the policy the step wants, JSON
   * @param source names the policy in messages, for example {@code policy of vpce-…}
   * @return what to write: nothing, a document to put, or a conflict with its reason
   * @throws NullPointerException when {@code target} is null
   */
  public static PolicyUpdate decide(Optional<String> live, Optional<String> planned, String target, String source) {
    Objects.requireNonNull(target, "target");
    Optional<JsonNode> liveDoc;
    try {
      liveDoc = live.map(text -> JsonDocument.read(text, source));
    } catch (RuntimeException e) {
      return new PolicyUpdate(Kind.CONFLICT, Optional.empty(),
          "the current " + source + " is not valid JSON (" + e.getMessage() + "); fix it or plan again");
    }
    JsonNode targetDoc = JsonDocument.read(target, "planned " + source);
    if (liveDoc.isPresent() && liveDoc.get().equals(targetDoc)) {
      return new PolicyUpdate(Kind.ALREADY_DONE, Optional.empty(), "the " + source + " is already the planned one");
    }
    Optional<JsonNode> plannedDoc = planned.map(text -> JsonDocument.read(text, "planned-against " + source));
    if (liveDoc.equals(plannedDoc)) {
      return new PolicyUpdate(Kind.PUT, Optional.of(target), "the " + source + " is as planned against");
    }
    List<JsonNode> before = plannedDoc.filter(JsonNode::isObject)
        .map(d -> Policies.statementNodes((ObjectNode) d)).orElse(List.of());
    List<JsonNode> after = targetDoc.isObject() ? Policies.statementNodes((ObjectNode) targetDoc) : List.of();
    if (!after.containsAll(before)) {
      return new PolicyUpdate(Kind.CONFLICT, Optional.empty(),
          "the " + source + " changed since the plan was made and the plan replaces statements of it; "
              + "run the plan again");
    }
    List<Map<String, Object>> added = new ArrayList<>();
    for (JsonNode s : after) {
      if (!before.contains(s) && s.isObject()) {
        added.add(Policies.plainObject((ObjectNode) s));
      }
    }
    String merged;
    try {
      merged = Policies.merge(live, added, source);
    } catch (RuntimeException e) {
      return new PolicyUpdate(Kind.CONFLICT, Optional.empty(),
          "the current " + source + " is not a policy document (" + e.getMessage() + ")");
    }
    if (liveDoc.isPresent() && liveDoc.get().equals(JsonDocument.read(merged, null))) {
      return new PolicyUpdate(Kind.ALREADY_DONE, Optional.empty(),
          "the " + source + " changed since the plan was made but already has the planned statements");
    }
    return new PolicyUpdate(Kind.PUT, Optional.of(merged),
        "the " + source + " changed since the plan was made; the planned statements are merged into it");
  }

  /** {@return the decision: nothing to do, a document to put, or a conflict} */
  public Kind kind() {
    return kind;
  }

  /** {@return the document to put, for {@link Kind#PUT}} */
  public Optional<String> document() {
    return document;
  }

  /** {@return why this decision, in a sentence fragment for the apply log} */
  public String reason() {
    return reason;
  }

  @Override
  public String toString() {
    return "PolicyUpdate{" + kind + ": " + reason + "}";
  }
}
