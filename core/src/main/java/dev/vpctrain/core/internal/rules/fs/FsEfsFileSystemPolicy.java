package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.Effect;
import dev.vpctrain.core.internal.policy.ParsedPolicy;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.Statement;
import dev.vpctrain.core.internal.policy.Target;
import dev.vpctrain.core.internal.rules.policy.PolicyDocuments;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code fs.efs.file-system-policy}: the EFS file system policy lets the job mount (and, for
 * {@code rw}, write). No policy ({@code PolicyNotFound}) is the default policy, which grants any
 * client that reaches a mount target full access: PASS. A policy whose statements include no
 * {@code Deny} and an {@code Allow} of {@code elasticfilesystem:ClientMount} (and
 * {@code ClientWrite} for {@code rw}) to {@code Principal: "*"} without a condition: PASS.
 * Anything else (IAM-authorised clients only, {@code aws:SecureTransport},
 * {@code elasticfilesystem:AccessedViaMountTarget}) is UNVERIFIED: whether SageMaker mounts with
 * TLS or IAM authorisation is not documented. An unreadable policy is UNVERIFIED naming the JSON
 * location, as for the S3 policies.
 */
public final class FsEfsFileSystemPolicy extends EfsChannelRule {
  static final String CLIENT_MOUNT = "elasticfilesystem:ClientMount";
  static final String CLIENT_WRITE = "elasticfilesystem:ClientWrite";

  public FsEfsFileSystemPolicy() {
    super("fs.efs.file-system-policy", Severity.ERROR,
        "The EFS file system policy lets any client that reaches a mount target mount (and write) without conditions");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    List<Finding> out = new ArrayList<>();
    Set<String> defaults = new LinkedHashSet<>();
    Set<String> open = new LinkedHashSet<>();
    Set<String> seen = new LinkedHashSet<>();
    for (FileSystemChannel ch : channels) {
      String fs = ch.fileSystemId();
      if (!seen.add(fs + "|" + ch.isReadWrite())) {
        continue;
      }
      EfsFileSystemPolicy p = ctx.network().efsFileSystemPolicy(fs);
      if (p.policyState() == PolicyState.UNKNOWN) {
        out.add(unverified("Whether the file system policy of " + ch.label() + " lets the job mount it cannot be checked: "
                + policyUnknown(ctx.network(), fs) + ".",
            "Capture it (aws efs describe-file-system-policy --file-system-id " + fs + "; PolicyNotFound means the default "
                + "policy).", fs));
      } else if (p.policyState() == PolicyState.NONE) {
        defaults.add(fs);
      } else {
        Optional<Finding> f = check(ctx, ch, p.policy().orElseThrow());
        if (f.isPresent()) {
          out.add(f.get());
        } else {
          open.add(fs);
        }
      }
    }
    if (!out.isEmpty()) {
      return out;
    }
    List<String> parts = new ArrayList<>();
    if (!defaults.isEmpty()) {
      parts.add(String.join(", ", defaults) + (defaults.size() == 1 ? " has" : " have") + " no file system policy: the "
          + "default policy grants any client that reaches a mount target full access.");
    }
    if (!open.isEmpty()) {
      parts.add("The file system " + (open.size() == 1 ? "policy of " : "policies of ") + String.join(", ", open)
          + " allow every principal to mount (and, for rw channels, write) without conditions, and deny nothing.");
    }
    return one(pass(String.join(" ", parts), open.toArray(new String[0])));
  }

  /** Empty when the policy lets every client mount (and write, for rw); else the UNVERIFIED finding. */
  private Optional<Finding> check(RuleContext ctx, FileSystemChannel ch, String text) {
    String fs = ch.fileSystemId();
    String accept = "--accept-unverified fs.efs.file-system-policy=" + fs;
    ParsedPolicy parsed = PolicyDocuments.parse(ctx, "file system policy of " + fs, text);
    if (parsed.error().isPresent()) {
      return Optional.of(unverified("Whether the file system policy of " + ch.label() + " lets the job mount it cannot be "
              + "checked: the file system policy of " + fs + " cannot be read: " + parsed.error().get().location() + ": "
              + parsed.error().get().detail() + ".",
          "Fix the policy document (aws efs describe-file-system-policy --file-system-id " + fs + ").", fs));
    }
    Policy policy = parsed.policy().orElseThrow();
    List<String> issues = new ArrayList<>();
    for (Statement st : policy.statements()) {
      if (st.effect() == Effect.DENY) {
        issues.add(st.label() + " denies " + String.join(", ", st.actionPatterns())
            + (st.hasConditions() ? " under conditions on " + String.join(", ", st.conditionKeys()) : ""));
      }
    }
    List<String> actions = new ArrayList<>(List.of(CLIENT_MOUNT));
    if (ch.isReadWrite()) {
      actions.add(CLIENT_WRITE);
    }
    Target resource = resource(ctx, ch);
    for (String action : actions) {
      Decision d = policy.evaluate(PolicyRequest.builder().caller(Caller.anonymous()).action(action).resource(resource).build());
      Optional<Statement> st = d.statement().filter(x -> x.effect() == Effect.ALLOW);
      boolean open = d.isAllowed() && st.isPresent() && st.get().hasPrincipal() && !st.get().isNotPrincipal()
          && st.get().appliesToEveryone() && !st.get().hasConditions();
      if (!open) {
        issues.add(action + " is " + (d.isUnknown() ? "allowed to every principal only under conditions on "
            + String.join(", ", d.unknownKeys()) + " (" + d.statement().map(Statement::label).orElse("") + ")"
            : "not allowed to Principal \"*\" without conditions (only to named principals, or not at all)"));
      }
    }
    if (issues.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(unverified("The file system policy of " + ch.label() + " does not plainly let every client that "
            + "reaches a mount target " + (ch.isReadWrite() ? "mount and write" : "mount") + ": " + String.join("; ", issues)
            + ". Whether SageMaker mounts EFS with TLS or IAM authorisation is not documented, so whether this policy "
            + "admits the job cannot be known.",
        "Check that a job of this role can mount " + fs + " (for example a short test job), then accept this check ("
            + accept + "); or let every client that reaches a mount target mount it: a statement {\"Effect\": \"Allow\", "
            + "\"Principal\": {\"AWS\": \"*\"}, \"Action\": [" + String.join(", ", actions.stream().map(a -> "\"" + a + "\"")
                .toList()) + "]} and no Deny (aws efs put-file-system-policy --file-system-id " + fs + " --policy file://policy.json).",
        fs));
  }

  /** The file system's ARN as the policy's resource: from DescribeFileSystems, else built from the owner; else any ARN. */
  private static Target resource(RuleContext ctx, FileSystemChannel ch) {
    Optional<EfsFileSystem> fs = ch.efs();
    Optional<String> arn = fs.flatMap(EfsFileSystem::fileSystemArn);
    if (arn.isPresent()) {
      return Target.exact(arn.get());
    }
    Optional<String> owner = fs.flatMap(EfsFileSystem::ownerId).or(() -> ctx.network().accountId());
    if (owner.isPresent()) {
      return Target.exact("arn:" + ctx.partition() + ":elasticfilesystem:" + ctx.region() + ":" + owner.get()
          + ":file-system/" + ch.fileSystemId());
    }
    return Target.startingWith("arn:" + ctx.partition() + ":elasticfilesystem:");
  }

  private static String policyUnknown(NetworkSnapshot n, String fs) {
    Optional<CaptureError> err = n.errorFor(Section.EFS_FILE_SYSTEM_POLICIES, fs);
    if (err.isPresent()) {
      return Section.EFS_FILE_SYSTEM_POLICIES.operation() + " failed for " + fs + " during capture (" + err.get().code()
          + ": " + err.get().message() + ")";
    }
    return Section.EFS_FILE_SYSTEM_POLICIES.operation() + " for " + fs + " was not captured in the snapshot";
  }
}
