package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A parsed IAM policy document (endpoint policy, bucket policy, identity policy), compiled for
 * repeated evaluation. Immutable and thread-safe. Evaluation follows IAM: an applicable Deny wins;
 * otherwise an applicable Allow allows; otherwise the request is implicitly denied. Each statement
 * applies TRUE, FALSE or UNKNOWN (three-valued), and the decision is UNKNOWN exactly when an unknown
 * value could change it. Statement order never matters.
 */
public final class Policy {
  private final String version;
  private final String id;
  private final List<Statement> statements;
  private final String source;

  Policy(String version, String id, List<Statement> statements, String source) {
    this.version = version;
    this.id = id;
    this.statements = List.copyOf(statements);
    this.source = source;
  }

  /**
   * Parses a policy document.
   *
   * @param json the policy text
   * @param source what it is, for error messages (for example {@code policy of vpce-0a1b…})
   * @throws PolicyParseException naming line, column and JSON path when the text is not a valid policy
   */
  public static Policy parse(String json, String source) {
    return PolicyParser.parse(json, source);
  }

  /** Parses a policy document; the error is returned, never thrown. */
  public static ParsedPolicy tryParse(String json, String source) {
    ParseKey key = new ParseKey(json, source);
    ParsedPolicy hit = PARSED.get(key);
    if (hit != null) {
      return hit;
    }
    ParsedPolicy parsed;
    try {
      parsed = ParsedPolicy.of(parse(json, source));
    } catch (PolicyParseException e) {
      parsed = ParsedPolicy.failed(e);
    }
    if (PARSED.size() >= PARSED_LIMIT) {
      PARSED.clear();
    }
    PARSED.put(key, parsed);
    return parsed;
  }

  /**
   * Parsed documents by text and source: every preflight over one snapshot meets the same
   * documents, and a parsed policy is immutable, so each is parsed once (bounded; cleared when full).
   */
  private static final Map<ParseKey, ParsedPolicy> PARSED = new ConcurrentHashMap<>();

  private static final int PARSED_LIMIT = 4096;

  private record ParseKey(String json, String source) {}

  /** {@code 2012-10-17}, {@code 2008-10-17}, or empty when the document has no Version. */
  public Optional<String> version() {
    return Optional.ofNullable(version);
  }

  public Optional<String> id() {
    return Optional.ofNullable(id);
  }

  public List<Statement> statements() {
    return statements;
  }

  /**
   * The same policy with its Allow statements only (each keeps its label): what a resource policy
   * grants, for a rule that leaves the policy's Deny statements to another rule.
   */
  public Policy allowStatements() {
    return statementsWhere(s -> s.effect() == Effect.ALLOW);
  }

  /** The same policy with only the statements {@code keep} accepts (each keeps its label). */
  public Policy statementsWhere(java.util.function.Predicate<Statement> keep) {
    List<Statement> kept = new ArrayList<>();
    for (Statement s : statements) {
      if (keep.test(s)) {
        kept.add(s);
      }
    }
    return kept.size() == statements.size() ? this : new Policy(version, id, kept, source);
  }

  /** What the policy is, as named when parsed. */
  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  /** Decides {@code request}. Never throws. */
  public Decision evaluate(PolicyRequest request) {
    boolean everyMode = request.coverage() == Coverage.EVERY;
    Statement deny = null;
    Statement unknownDeny = null;
    Statement allow = null;
    Statement unknownAllow = null;
    for (Statement s : statements) {
      boolean isDeny = s.effect() == Effect.DENY;
      if (!isDeny && allow != null) {
        continue;
      }
      // Allow needs the whole set under EVERY and any member under ANY; Deny the reverse.
      boolean every = isDeny != everyMode;
      Tri t = s.applies(request, every, null);
      if (t == Tri.YES) {
        if (isDeny) {
          deny = s;
          break;
        }
        allow = s;
      } else if (t == Tri.UNKNOWN) {
        if (isDeny && unknownDeny == null) {
          unknownDeny = s;
        } else if (!isDeny && unknownAllow == null) {
          unknownAllow = s;
        }
      }
    }
    Tri allows = allow != null ? Tri.YES : unknownAllow != null ? Tri.UNKNOWN : Tri.NO;
    if (deny != null) {
      // the scan stopped at the Deny: the Allow statements after it were not looked at
      return new Decision(DecisionType.EXPLICIT_DENY, deny, List.of(), Tri.YES, allows == Tri.YES ? allows : allows(request));
    }
    if (unknownDeny != null) {
      return new Decision(DecisionType.UNKNOWN, unknownDeny, unknownKeys(unknownDeny, request), Tri.UNKNOWN, allows);
    }
    if (allow != null) {
      return new Decision(DecisionType.ALLOW, allow, List.of(), Tri.NO, allows);
    }
    if (unknownAllow != null) {
      return new Decision(DecisionType.UNKNOWN, unknownAllow, unknownKeys(unknownAllow, request), Tri.NO, allows);
    }
    return new Decision(DecisionType.IMPLICIT_DENY, null, List.of(), Tri.NO, allows);
  }

  /** Whether an Allow statement applies to {@code request}, Deny statements aside. */
  private Tri allows(PolicyRequest request) {
    boolean every = request.coverage() == Coverage.EVERY; // Allow: the whole set under EVERY (see evaluate)
    Tri result = Tri.NO;
    for (Statement s : statements) {
      if (s.effect() == Effect.ALLOW) {
        result = result.or(s.applies(request, every, null));
        if (result == Tri.YES) {
          break;
        }
      }
    }
    return result;
  }

  private static List<String> unknownKeys(Statement s, PolicyRequest request) {
    List<String> keys = new ArrayList<>();
    boolean every = (s.effect() == Effect.DENY) != (request.coverage() == Coverage.EVERY);
    s.applies(request, every, keys);
    return keys;
  }

  @Override
  public String toString() {
    return "Policy" + (source == null ? "" : " (" + source + ")") + " with " + statements.size() + " statements";
  }
}
