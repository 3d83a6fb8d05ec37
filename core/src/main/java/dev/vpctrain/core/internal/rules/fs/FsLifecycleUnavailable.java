package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fs.lifecycle.unavailable}: the file system is not usable: EFS {@code LifeCycleState} other
 * than {@code available}; FSx {@code Lifecycle} other than {@code AVAILABLE} or {@code UPDATING}
 * ({@code UPDATING} passes with a note: the file system serves clients while it is updated, which
 * SageMaker does not document). A file system or state the snapshot lacks: UNVERIFIED.
 */
public final class FsLifecycleUnavailable extends FsRule {
  public FsLifecycleUnavailable() {
    super("fs.lifecycle.unavailable", Severity.ERROR, "Each file system of the job is available");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      out.add(c.isEfs() ? efs(c) : fsx(c));
    }
    return out;
  }

  private Finding efs(FileSystemChannel c) {
    String id = c.fileSystemId();
    Optional<EfsFileSystem> fs = c.efs();
    if (fs.isEmpty()) {
      return notInSnapshot(c);
    }
    Optional<String> state = fs.get().lifeCycleState();
    if (state.isEmpty()) {
      return unverified("The LifeCycleState of " + c.label() + " was not captured.",
          "aws efs describe-file-systems --file-system-id " + id + " --query \"FileSystems[0].LifeCycleState\"", id);
    }
    if (fs.get().isAvailable()) {
      return pass(c.label() + " is available.", id);
    }
    return fail(c.label() + " is in state " + state.get() + ", not available: SageMaker cannot mount it"
            + (state.get().equalsIgnoreCase("creating") ? " until it becomes available." : "."),
        state.get().equalsIgnoreCase("creating") || state.get().equalsIgnoreCase("updating")
            ? "Wait until it is available: aws efs describe-file-systems --file-system-id " + id
                + " --query \"FileSystems[0].LifeCycleState\" (expect \"available\"), then start the job."
            : "Use an available EFS file system: aws efs describe-file-systems --query \"FileSystems[?LifeCycleState=='available'].FileSystemId\"",
        id);
  }

  private Finding fsx(FileSystemChannel c) {
    String id = c.fileSystemId();
    if (!c.isLustre()) {
      return unverified("Channel " + c.channel().name() + " names FileSystemType "
          + c.channel().fileSystemType().map(t -> "'" + t + "'").orElse("(none)") + ", neither EFS nor FSxLustre, so the state of "
          + id + " is not looked up (fs.not-found reports it).", null, id);
    }
    Optional<FsxFileSystem> fs = c.fsx();
    if (fs.isEmpty()) {
      return notInSnapshot(c);
    }
    Optional<String> lifecycle = fs.get().lifecycle();
    if (lifecycle.isEmpty()) {
      return unverified("The Lifecycle of " + c.label() + " was not captured.",
          "aws fsx describe-file-systems --file-system-ids " + id + " --query \"FileSystems[0].Lifecycle\"", id);
    }
    if (fs.get().hasLifecycle("AVAILABLE")) {
      return pass(c.label() + " is AVAILABLE.", id);
    }
    if (fs.get().hasLifecycle("UPDATING")) {
      return pass(c.label() + " is UPDATING; note: an FSx file system serves clients while an update runs, but that "
          + "SageMaker mounts one in this state is not documented.", id);
    }
    String failure = fs.get().failureMessage().map(m -> " (FailureDetails: " + m + ")").orElse("");
    boolean creating = fs.get().hasLifecycle("CREATING");
    return fail(c.label() + " is " + lifecycle.get() + failure + ", not AVAILABLE: SageMaker cannot mount it.",
        creating
            ? "Wait until it is AVAILABLE: aws fsx describe-file-systems --file-system-ids " + id
                + " --query \"FileSystems[0].Lifecycle\", then start the job."
            : fs.get().hasLifecycle("MISCONFIGURED") || fs.get().hasLifecycle("MISCONFIGURED_UNAVAILABLE")
                ? "Fix what FailureDetails names (often its security group or subnet), then check: aws fsx describe-file-systems "
                    + "--file-system-ids " + id + " --query \"FileSystems[0].[Lifecycle,FailureDetails.Message]\""
                : "Use an AVAILABLE FSx for Lustre file system: aws fsx describe-file-systems --query "
                    + "\"FileSystems[?Lifecycle=='AVAILABLE'].FileSystemId\"",
        id);
  }

  private Finding notInSnapshot(FileSystemChannel c) {
    String id = c.fileSystemId();
    return unverified("The state of " + c.label() + " is unknown: it is not in the snapshot ("
            + (c.isEfs() ? "efs" : "fsx") + ".DescribeFileSystems; fs.not-found says whether it exists).",
        null, id);
  }
}
