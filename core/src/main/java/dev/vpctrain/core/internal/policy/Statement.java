package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** One statement of a policy, compiled for evaluation. Immutable. */
public final class Statement {
  private final int index;
  private final String path;
  private final String sid;
  private final Effect effect;
  private final PrincipalElement principal;
  private final boolean notPrincipal;
  private final List<String> actionPatterns;
  private final Glob[] actions;
  private final boolean notAction;
  /** The services (lower case) every action pattern is confined to, or null when a pattern's service has a wildcard. */
  private final java.util.Set<String> actionServices;
  private final List<Template> resources;
  private final boolean notResource;
  private final List<Condition> conditions;

  Statement(int index, String path, String sid, Effect effect, PrincipalElement principal, boolean notPrincipal,
      List<String> actionPatterns, boolean notAction, List<Template> resources, boolean notResource,
      List<Condition> conditions) {
    this.index = index;
    this.path = path;
    this.sid = sid;
    this.effect = effect;
    this.principal = principal;
    this.notPrincipal = notPrincipal;
    this.actionPatterns = List.copyOf(actionPatterns);
    this.actions = new Glob[actionPatterns.size()];
    for (int i = 0; i < actions.length; i++) {
      actions[i] = Glob.compile(actionPatterns.get(i), true);
    }
    this.notAction = notAction;
    this.actionServices = services(this.actionPatterns);
    this.resources = resources == null ? null : List.copyOf(resources);
    this.notResource = notResource;
    this.conditions = List.copyOf(conditions);
  }

  /** The position in the policy's statement list (0 for a single statement object). */
  public int index() {
    return index;
  }

  /** Where it is in the policy: {@code Statement[2]}, or {@code Statement} for a single object. */
  public String path() {
    return path;
  }

  public Optional<String> sid() {
    return Optional.ofNullable(sid);
  }

  public Effect effect() {
    return effect;
  }

  /** For messages: {@code statement "DenyOtherVpce" (Statement[1])}, or {@code Statement[1]} without a Sid. */
  public String label() {
    return sid == null || sid.isEmpty() ? path : "statement \"" + sid + "\" (" + path + ")";
  }

  /** The Action (or NotAction) patterns as written. */
  public List<String> actionPatterns() {
    return actionPatterns;
  }

  public boolean isNotAction() {
    return notAction;
  }

  /** The Resource (or NotResource) patterns as written; empty when the statement has neither (all resources). */
  public List<String> resourcePatterns() {
    List<String> out = new ArrayList<>();
    if (resources != null) {
      resources.forEach(t -> out.add(t.raw()));
    }
    return out;
  }

  public boolean isNotResource() {
    return notResource;
  }

  /** True when the statement has a Principal or NotPrincipal element. */
  /**
   * True for a statement whose {@code Principal} names account {@code account} (its id or
   * {@code arn:<partition>:iam::<account>:root}) and no principal of it more narrowly, nor everyone:
   * in a KMS key policy, the statement that lets the account's IAM policies count.
   */
  public boolean namesOnlyAccount(String partition, String account) {
    if (principal == null || notPrincipal || principal.isEveryone()) {
      return false;
    }
    String root = "arn:" + partition + ":iam::" + account + ":root";
    boolean names = false;
    for (String p : principal.aws) {
      if (p.equals(account) || p.equals(root)) {
        names = true;
      } else if (p.contains(":" + account + ":")) {
        return false; // also names a role or user of the account: more than the account
      }
    }
    return names;
  }

  public boolean hasPrincipal() {
    return principal != null;
  }

  public boolean isNotPrincipal() {
    return notPrincipal;
  }

  /** True when it applies to every caller: no principal element, {@code "*"} or {@code {"AWS": "*"}}. */
  public boolean appliesToEveryone() {
    return principal == null || (!notPrincipal && principal.isEveryone());
  }

  public boolean hasConditions() {
    return !conditions.isEmpty();
  }

  /** Its conditions, one per operator and key. */
  public List<Condition> conditions() {
    return conditions;
  }

  /** The context keys its conditions read, as written, for example {@code aws:SourceVpce}. */
  public List<String> conditionKeys() {
    List<String> keys = new ArrayList<>();
    for (Condition c : conditions) {
      if (!keys.contains(c.key)) {
        keys.add(c.key);
      }
    }
    return keys;
  }

  /** True when it applies to every action ({@code *}) and every resource, for every caller, unconditionally. */
  public boolean coversEverything() {
    boolean allActions = !notAction && actionPatternsCoverAll();
    boolean allResources = resources == null
        || (!notResource && resources.stream().anyMatch(t -> !t.hasVariables() && t.glob().matchesEverything()));
    return allActions && allResources && appliesToEveryone() && conditions.isEmpty();
  }

  private boolean actionPatternsCoverAll() {
    for (Glob g : actions) {
      if (g.matchesEverything()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the statement applies to the request. With {@code every}, an action or resource set
   * counts only when the statement covers all of it; otherwise when it touches any member.
   */
  Tri applies(PolicyRequest request, boolean every, List<String> unknownKeys) {
    Tri result = matchActions(request.action(), every);
    if (result == Tri.NO) {
      return result;
    }
    result = result.and(matchResources(request, every, unknownKeys));
    if (result == Tri.NO) {
      return result;
    }
    if (principal != null) {
      Tri p;
      if (!notPrincipal) {
        p = principal.matches(request.caller(), unknownKeys);
      } else if (effect == Effect.DENY) {
        // IAM's NotPrincipal rules: the session is exempt only when its account, role and session are all named.
        p = principal.exemptsFromDeny(request.caller(), unknownKeys).not();
      } else {
        // Allow with NotPrincipal: applies only when no part of the caller's chain is named.
        p = principal.matches(request.caller(), unknownKeys).not();
      }
      result = result.and(p);
      if (result == Tri.NO) {
        return result;
      }
    }
    for (Condition c : conditions) {
      result = result.and(c.evaluate(request.lookup(), unknownKeys));
      if (result == Tri.NO) {
        return result;
      }
    }
    return result;
  }

  /** {@code ec2} of {@code ec2:Create*}, for every pattern; null when one has no plain service prefix. */
  private static java.util.Set<String> services(List<String> patterns) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String p : patterns) {
      int colon = p.indexOf(':');
      if (colon <= 0 || p.lastIndexOf('*', colon) >= 0 || p.lastIndexOf('?', colon) >= 0) {
        return null;
      }
      out.add(p.substring(0, colon).toLowerCase(java.util.Locale.ROOT));
    }
    return java.util.Set.copyOf(out);
  }

  private Tri matchActions(Target action, boolean every) {
    if (!notAction) {
      if (actionServices != null && !action.isPrefix() && !actionServices.contains(action.service())) {
        return Tri.NO; // no pattern names the action's service: none can match
      }
      for (Glob g : actions) {
        if (action.matchedBy(g, every)) {
          return Tri.YES;
        }
      }
      return Tri.NO;
    }
    // NotAction: the statement applies to actions outside every pattern.
    for (Glob g : actions) {
      if (action.matchedBy(g, !every)) {
        return Tri.NO;
      }
    }
    return Tri.YES;
  }

  private Tri matchResources(PolicyRequest request, boolean every, List<String> unknownKeys) {
    if (resources == null) {
      return Tri.YES;
    }
    Target target = request.resource();
    Tri any = Tri.NO;
    for (Template t : resources) {
      Tri one;
      if (!t.hasVariables()) {
        one = Tri.of(target.matchedBy(t.glob(), notResource ? !every : every));
      } else {
        Template.Resolved r = t.resolve(request.lookup(), true);
        if (r.status == Tri.UNKNOWN) {
          if (unknownKeys != null && !unknownKeys.contains(r.key)) {
            unknownKeys.add(r.key);
          }
          one = Tri.UNKNOWN;
        } else if (r.status == Tri.NO) {
          one = Tri.NO;
        } else {
          one = Tri.of(target.matchedBy(r.glob, notResource ? !every : every));
        }
      }
      any = any.or(one);
      if (any == Tri.YES) {
        break;
      }
    }
    return notResource ? any.not() : any;
  }

  @Override
  public String toString() {
    return label() + " " + effect.apiName();
  }
}
