package dev.vpctrain.core.policy;

import java.util.List;

/** The {@code Principal} or {@code NotPrincipal} element of a statement. */
final class PrincipalElement {
  /** The pseudo key reported when a principal match depends on the undisclosed role session name. */
  static final String SESSION_KEY = "Principal (role session name)";
  /** The pseudo key reported when the caller is not known. */
  static final String CALLER_KEY = "Principal (caller)";

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

  /** Whether the caller is one of the principals named. */
  Tri matches(Caller caller, List<String> unknownKeys) {
    if (isEveryone()) {
      return Tri.TRUE;
    }
    switch (caller.kind()) {
      case ANONYMOUS:
        return Tri.FALSE;
      case UNKNOWN:
        if (unknownKeys != null && !unknownKeys.contains(CALLER_KEY)) {
          unknownKeys.add(CALLER_KEY);
        }
        return Tri.UNKNOWN;
      default:
        break;
    }
    Tri result = Tri.FALSE;
    for (int i = 0; i < awsGlobs.length; i++) {
      result = result.or(matchesAws(aws.get(i), awsGlobs[i], caller, unknownKeys));
      if (result == Tri.TRUE) {
        return result;
      }
    }
    return result;
  }

  private static Tri matchesAws(String p, Glob g, Caller caller, List<String> unknownKeys) {
    String account = caller.account().get();
    String partition = caller.partition().get();
    if (p.equals(account) || p.equals("arn:" + partition + ":iam::" + account + ":root")) {
      return Tri.TRUE;
    }
    if (p.equals(caller.roleArn().get())) {
      return Tri.TRUE;
    }
    String sessionPrefix = caller.sessionArnPrefix().get();
    if (!g.isLiteral()) {
      if (g.matches(caller.roleArn().get())) {
        return Tri.TRUE;
      }
      return sessionMatch(g, sessionPrefix, caller, unknownKeys);
    }
    if (p.startsWith(sessionPrefix)) {
      return sessionMatch(g, sessionPrefix, caller, unknownKeys);
    }
    return Tri.FALSE;
  }

  private static Tri sessionMatch(Glob g, String sessionPrefix, Caller caller, List<String> unknownKeys) {
    if (caller.sessionName().isPresent()) {
      return Tri.of(g.matches(sessionPrefix + caller.sessionName().get()));
    }
    if (g.matchesAll(sessionPrefix)) {
      return Tri.TRUE;
    }
    if (!g.matchesSome(sessionPrefix)) {
      return Tri.FALSE;
    }
    if (unknownKeys != null && !unknownKeys.contains(SESSION_KEY)) {
      unknownKeys.add(SESSION_KEY);
    }
    return Tri.UNKNOWN;
  }
}
