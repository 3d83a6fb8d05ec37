package dev.vpctrain.core.internal.policy;

import dev.vpctrain.core.internal.logic.Tri;
import java.util.List;
import java.util.Optional;

/**
 * The {@code Principal} or {@code NotPrincipal} element of a statement, matched against the caller
 * as IAM documents it for a session of a role:
 *
 * <ul>
 *   <li>A service principal ({@link Caller#service}) is named by {@code "*"}, {@code {"AWS": "*"}} or
 *       its exact name in {@code Service} (a string or a list).
 *   <li>{@code Principal}: the account ({@code 123456789012} or {@code arn:…:iam::123456789012:root}),
 *       the role ARN, or the session ARN {@code arn:…:sts::<acct>:assumed-role/<role>/<session>}
 *       names the caller. A session ARN with a fixed session name is UNKNOWN while the session name
 *       is not known (SageMaker picks it). IAM does not allow a wildcard to match part of a
 *       principal ARN, so how such an entry is treated is not documented: UNKNOWN when it could
 *       name the caller.
 *   <li>{@code NotPrincipal} with {@code Deny}: IAM evaluates the account, the role and the session
 *       in turn, so the caller is exempt only when the element names all three (the account, the
 *       role ARN and the session ARN). Naming only the role or the account does not exempt the
 *       session. A wildcard never exempts: IAM documents that a session in {@code NotPrincipal}
 *       cannot be given as {@code *} and must name a specific session.
 *   <li>{@code NotPrincipal} with {@code Allow} (undocumented for partial chains): the statement
 *       applies only when nothing of the caller's chain is named, the conservative reading.
 * </ul>
 */
final class PrincipalElement {
  /** The pseudo key reported when a principal match depends on the undisclosed role session name. */
  static final String SESSION_KEY = "Principal (role session name)";
  /** The pseudo key reported when the caller is not known. */
  static final String CALLER_KEY = "Principal (caller)";
  /** The pseudo key reported when a principal ARN with a partial wildcard (which IAM does not support) could name the caller. */
  static final String WILDCARD_KEY = "Principal (wildcard inside an ARN, not supported by IAM)";

  final boolean everyone;
  final List<String> aws;
  final List<String> service;
  final List<String> federated;
  final List<String> canonicalUser;
  private final Glob[] awsGlobs;

  PrincipalElement(boolean everyone, List<String> aws, List<String> service, List<String> federated, List<String> canonicalUser) {
    this.everyone = everyone;
    this.aws = List.copyOf(aws);
    this.service = List.copyOf(service);
    this.federated = List.copyOf(federated);
    this.canonicalUser = List.copyOf(canonicalUser);
    this.awsGlobs = new Glob[this.aws.size()];
    for (int i = 0; i < awsGlobs.length; i++) {
      awsGlobs[i] = Glob.compile(this.aws.get(i), false);
    }
  }

  /** True when the element names every principal ({@code "*"} or {@code {"AWS": "*"}}). */
  boolean isEveryone() {
    return everyone || aws.contains("*");
  }

  /**
   * The answer {@link #matches} and {@link #exemptsFromDeny} share before any ARN is compared:
   * {@code "*"} names everyone, an anonymous caller is named by nothing else, an unknown caller is
   * unknown; empty when the ARNs decide.
   */
  private Optional<Tri> decidedWithoutArns(Caller caller, List<String> unknownKeys) {
    if (isEveryone()) {
      return Optional.of(Tri.YES);
    }
    switch (caller.kind()) {
      case ANONYMOUS:
        return Optional.of(Tri.NO);
      case UNKNOWN:
        addKey(unknownKeys, CALLER_KEY);
        return Optional.of(Tri.UNKNOWN);
      case SERVICE:
        // a service principal is named only by {"Service": ...} (IAM allows no wildcard there)
        return Optional.of(Tri.of(service.contains(caller.serviceName().orElseThrow())));
      default:
        return Optional.empty();
    }
  }

  /** Whether the caller is one of the principals named (a {@code Principal} element). */
  Tri matches(Caller caller, List<String> unknownKeys) {
    Optional<Tri> early = decidedWithoutArns(caller, unknownKeys);
    if (early.isPresent()) {
      return early.get();
    }
    Tri result = Tri.NO;
    for (int i = 0; i < awsGlobs.length; i++) {
      result = result.or(matchesAws(aws.get(i), awsGlobs[i], caller, unknownKeys));
      if (result == Tri.YES) {
        return result;
      }
    }
    return result;
  }

  /**
   * Whether a {@code NotPrincipal} element with {@code Deny} exempts the caller: TRUE only when it
   * names the caller's account, its role and its session (IAM's NotPrincipal rules).
   */
  Tri exemptsFromDeny(Caller caller, List<String> unknownKeys) {
    Optional<Tri> early = decidedWithoutArns(caller, unknownKeys);
    if (early.isPresent()) {
      return early.get();
    }
    String account = caller.account().get();
    String root = "arn:" + caller.partition().get() + ":iam::" + account + ":root";
    String sessionPrefix = caller.sessionArnPrefix().get();
    boolean accountNamed = false;
    boolean roleNamed = false;
    Tri sessionNamed = Tri.NO;
    for (int i = 0; i < awsGlobs.length; i++) {
      String p = aws.get(i);
      if (!awsGlobs[i].isLiteral()) {
        continue; // a wildcard never exempts (see the class comment)
      }
      accountNamed |= p.equals(account) || p.equals(root);
      roleNamed |= p.equals(caller.roleArn().get());
      if (isSessionOf(p, sessionPrefix)) {
        sessionNamed = sessionNamed.or(caller.sessionName().isPresent()
            ? Tri.of(p.equals(sessionPrefix + caller.sessionName().get()))
            : Tri.UNKNOWN);
      }
    }
    Tri result = Tri.of(accountNamed && roleNamed).and(sessionNamed);
    if (result == Tri.UNKNOWN) {
      addKey(unknownKeys, SESSION_KEY);
    }
    return result;
  }

  /** True when {@code arn} is a session ARN of the role: the prefix and a session name without '/'. */
  private static boolean isSessionOf(String arn, String sessionPrefix) {
    return arn.length() > sessionPrefix.length() && arn.startsWith(sessionPrefix)
        && arn.indexOf('/', sessionPrefix.length()) < 0;
  }

  private static Tri matchesAws(String p, Glob g, Caller caller, List<String> unknownKeys) {
    String account = caller.account().get();
    String root = "arn:" + caller.partition().get() + ":iam::" + account + ":root";
    String roleArn = caller.roleArn().get();
    String sessionPrefix = caller.sessionArnPrefix().get();
    if (!g.isLiteral()) {
      // IAM: "You cannot use a wildcard to match part of a principal name or ARN."
      if (g.matches(account) || g.matches(root) || g.matches(roleArn) || g.matchesSome(sessionPrefix)) {
        addKey(unknownKeys, WILDCARD_KEY);
        return Tri.UNKNOWN;
      }
      return Tri.NO;
    }
    if (p.equals(account) || p.equals(root) || p.equals(roleArn)) {
      return Tri.YES;
    }
    if (isSessionOf(p, sessionPrefix)) {
      if (caller.sessionName().isPresent()) {
        return Tri.of(p.equals(sessionPrefix + caller.sessionName().get()));
      }
      addKey(unknownKeys, SESSION_KEY);
      return Tri.UNKNOWN;
    }
    return Tri.NO;
  }

  private static void addKey(List<String> unknownKeys, String key) {
    if (unknownKeys != null && !unknownKeys.contains(key)) {
      unknownKeys.add(key);
    }
  }
}
