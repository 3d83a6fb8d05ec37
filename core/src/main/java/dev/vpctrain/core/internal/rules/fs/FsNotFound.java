package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fs.not-found}: a channel's {@code FileSystemId} is absent from a complete
 * {@code efs.DescribeFileSystems} / {@code fsx.DescribeFileSystems}, or its type disagrees with the
 * channel's {@code FileSystemType} (an EFS id on an {@code FSxLustre} channel, an FSx file system that
 * is not Lustre). A list that is absent, failed or filtered to other file systems: UNVERIFIED.
 */
public final class FsNotFound extends FsRule {
  public FsNotFound() {
    super("fs.not-found", Severity.ERROR, "Each file-system channel names an existing file system of its type");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      out.add(check(ctx.network(), c));
    }
    return out;
  }

  private Finding check(NetworkSnapshot n, FileSystemChannel c) {
    String id = c.fileSystemId();
    String where = "channel " + c.channel().name() + " (" + c.field() + ")";
    if (id.isEmpty()) {
      return fail("Channel " + c.channel().name() + " names no FileSystemId (" + c.field() + ".FileSystemId is required).",
          "Set " + c.field() + ".FileSystemId to the id of the file system (aws efs describe-file-systems / aws fsx describe-file-systems).");
    }
    if (!c.isKnownType()) {
      return unverified("Channel " + c.channel().name() + " names FileSystemType "
              + c.channel().fileSystemType().map(t -> "'" + t + "'").orElse("(none)")
              + ", which is neither EFS nor FSxLustre, so which list " + id + " should be in is unknown.",
          "Set " + c.field() + ".FileSystemType to EFS or FSxLustre.", id);
    }
    Optional<EfsFileSystem> efs = n.efsFileSystem(id);
    Optional<FsxFileSystem> fsx = n.fsxFileSystem(id);
    if (c.isEfs()) {
      if (efs.isPresent()) {
        return pass(c.fileSystemLabel() + " of " + where + " exists in the snapshot.", id);
      }
      if (fsx.isPresent()) {
        return fail(where + " says FileSystemType EFS, but " + id + " is an FSx file system (type "
                + fsx.get().fileSystemType().orElse("unknown") + "), not an EFS file system; SageMaker cannot mount it as EFS.",
            fsx.get().isLustre() ? "Set " + c.field() + ".FileSystemType to FSxLustre, and DirectoryPath to start with the file "
                + "system's MountName." : "Use an EFS or FSx for Lustre file system: SageMaker mounts only these two types.",
            id);
      }
      return missing(n, c, Section.EFS_FILE_SYSTEMS, where);
    }
    if (fsx.isPresent()) {
      if (fsx.get().isLustre()) {
        return pass(c.fileSystemLabel() + " of " + where + " exists in the snapshot.", id);
      }
      return fail(where + " says FileSystemType FSxLustre, but " + id + " is an FSx for "
              + fsx.get().fileSystemType().orElse("(unknown type)") + " file system, not Lustre; SageMaker mounts only "
              + "FSx for Lustre and EFS file systems.",
          "Use an FSx for Lustre file system (aws fsx describe-file-systems --query \"FileSystems[?FileSystemType=='LUSTRE']\"), "
              + "or copy the data to one or to S3.",
          id);
    }
    if (efs.isPresent()) {
      return fail(where + " says FileSystemType FSxLustre, but " + id + " is an EFS file system; SageMaker cannot mount it "
              + "as FSx for Lustre.",
          "Set " + c.field() + ".FileSystemType to EFS (DirectoryPath then is a path inside the EFS file system, such as /data/train).",
          id);
    }
    return missing(n, c, Section.FSX_FILE_SYSTEMS, where);
  }

  /** FAIL when {@code section} is complete for {@code c}'s id, else UNVERIFIED naming why. */
  private Finding missing(NetworkSnapshot n, FileSystemChannel c, Section section, String where) {
    String id = c.fileSystemId();
    Optional<String> incomplete = whyIncomplete(n, section, id);
    if (incomplete.isPresent()) {
      return unverified("Whether " + c.fileSystemLabel() + " of " + where + " exists is unknown: " + incomplete.get() + ".",
          "Capture the file systems: aws " + (section == Section.EFS_FILE_SYSTEMS ? "efs describe-file-systems --file-system-id "
              : "fsx describe-file-systems --file-system-ids ") + id + " (vpctrain snapshot does this for the job's file systems).",
          id);
    }
    return fail(c.fileSystemLabel() + " of " + where + " is not in " + section.bundleService() + "." + section.bundleKey()
            + " of account " + n.accountId().orElse("(unknown)") + " in " + n.region()
            + ": it does not exist there (deleted, a typo, or another account or region), so SageMaker cannot mount it.",
        "Check the id: aws " + (section == Section.EFS_FILE_SYSTEMS ? "efs" : "fsx") + " describe-file-systems --region "
            + n.region() + " --query \"FileSystems[].FileSystemId\"; run the job in the file system's region and account.",
        id);
  }

  /** Why {@code section} cannot say that {@code id} does not exist; empty when it is complete for it. */
  static Optional<String> whyIncomplete(NetworkSnapshot n, Section section, String id) {
    if (!n.has(section) || n.errorFor(section).isPresent()) {
      return Optional.of(n.unknownReason(section));
    }
    for (CaptureFilter f : n.captureFiltersOf(section)) {
      if (!f.values().contains(id)) {
        return Optional.of(section.operation() + " was captured with filter " + f.name() + "=" + String.join(",", f.values())
            + ", which does not select " + id);
      }
    }
    return Optional.empty();
  }
}
