package dev.vpctrain.core.internal.rules.fs;

import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code fs.directory-path}: for FSx for Lustre, {@code DirectoryPath} must be {@code /<MountName>}
 * or start with {@code /<MountName>/} ({@code MountName} is {@code fsx} for {@code SCRATCH_1} only;
 * {@code /fsx/…} on other deployment types is the classic mistake): FAIL with the corrected path;
 * MountName unknown: UNVERIFIED. For EFS a path that is not absolute is a WARNING. Whether the
 * directory exists cannot be seen: a note in the PASS message.
 */
public final class FsDirectoryPath extends FsRule {
  public FsDirectoryPath() {
    super("fs.directory-path", Severity.ERROR, "Each file-system channel's DirectoryPath fits its file system");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, List<FileSystemChannel> channels) {
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      Optional<String> path = c.channel().directoryPath();
      if (path.isEmpty() || path.get().isEmpty()) {
        out.add(fail("Channel " + c.channel().name() + " names no DirectoryPath (" + c.field()
                + ".DirectoryPath is required by CreateTrainingJob).",
            "Set " + c.field() + ".DirectoryPath" + (c.isLustre() ? " to /<MountName>/<path>." : " to the absolute path to mount, such as /data/train."),
            c.fileSystemId()));
      } else if (c.isLustre()) {
        out.add(lustre(c, path.get()));
      } else if (c.isEfs()) {
        out.add(efs(c, path.get()));
      } else {
        out.add(unverified("Channel " + c.channel().name() + " names FileSystemType "
            + c.channel().fileSystemType().map(t -> "'" + t + "'").orElse("(none)")
            + ", neither EFS nor FSxLustre, so its DirectoryPath is not checked.", null, c.fileSystemId()));
      }
    }
    return out;
  }

  private Finding lustre(FileSystemChannel c, String path) {
    String id = c.fileSystemId();
    Optional<String> mount = c.mountName();
    if (mount.isEmpty()) {
      Optional<FsxFileSystem> fs = c.fsx();
      return unverified("Whether DirectoryPath " + path + " of channel " + c.channel().name() + " starts with the MountName of "
              + c.fileSystemLabel() + " is unknown: " + (fs.isEmpty() ? "the file system is not in the snapshot"
                  : "its LustreConfiguration.MountName was not captured") + ".",
          "Look it up: aws fsx describe-file-systems --file-system-ids " + id
              + " --query \"FileSystems[0].LustreConfiguration.MountName\"; DirectoryPath must be /<MountName> or start with "
              + "/<MountName>/.",
          id);
    }
    String m = mount.get();
    if (path.equals("/" + m) || path.startsWith("/" + m + "/")) {
      return pass("DirectoryPath " + path + " of channel " + c.channel().name() + " starts with the MountName " + m + " of "
          + c.fileSystemLabel() + "; " + existsNote(path), id);
    }
    String corrected = corrected(path, m);
    String type = c.fsx().flatMap(FsxFileSystem::lustreDeploymentType).orElse("this deployment type");
    boolean classic = firstSegment(path).equals("fsx");
    return fail("DirectoryPath " + path + " of channel " + c.channel().name() + " does not start with /" + m + ", the MountName of "
            + c.fileSystemLabel() + (classic ? ": /fsx is the MountName of SCRATCH_1 file systems only, and this one is " + type
                : "") + ". The mount fails (\"No such file or directory\"); the path to use is " + corrected + ".",
        "Set " + c.field() + ".DirectoryPath to \"" + corrected + "\"; with the SageMaker Python SDK: "
            + "FileSystemInput(file_system_id=\"" + id + "\", file_system_type=\"FSxLustre\", directory_path=\"" + corrected + "\").",
        id);
  }

  private Finding efs(FileSystemChannel c, String path) {
    String id = c.fileSystemId();
    if (path.startsWith("/")) {
      return pass("DirectoryPath " + path + " of channel " + c.channel().name() + " is an absolute path in " + c.fileSystemLabel()
          + "; " + existsNote(path), id);
    }
    String corrected = "/" + path;
    return fail(Severity.WARNING, "DirectoryPath " + path + " of channel " + c.channel().name() + " (" + c.fileSystemLabel()
            + ") is not an absolute path; the directory is looked up from the file system's root, so use " + corrected + ".",
        "Set " + c.field() + ".DirectoryPath to \"" + corrected + "\".", id);
  }

  /** The path with its first segment replaced by the mount name when it was {@code fsx}, else prefixed by it. */
  static String corrected(String path, String mountName) {
    String rest = path.startsWith("/") ? path.substring(1) : path;
    if (firstSegment(path).equals("fsx")) {
      int slash = rest.indexOf('/');
      rest = slash < 0 ? "" : rest.substring(slash + 1);
    }
    while (rest.startsWith("/")) {
      rest = rest.substring(1);
    }
    return rest.isEmpty() ? "/" + mountName : "/" + mountName + "/" + rest;
  }

  private static String firstSegment(String path) {
    String rest = path.startsWith("/") ? path.substring(1) : path;
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String existsNote(String path) {
    return "note: that directory " + path + " exists in the file system cannot be seen from the snapshot (a missing one fails "
        + "the job with \"No such file or directory\").";
  }
}
