package dev.vpctrain.core.job;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An input channel. An S3 channel has {@link #s3Uri()}; a file-system channel (EFS, FSx for Lustre)
 * has {@link #fileSystemId()} instead.
 */
@Value.Immutable
abstract class AbstractInputChannel {
  public abstract String name();

  public abstract Optional<String> s3Uri();

  /** {@code S3Prefix} (default), {@code ManifestFile} or {@code AugmentedManifestFile}. */
  @Value.Default
  public String s3DataType() {
    return "S3Prefix";
  }

  public abstract Optional<String> s3DataDistributionType();

  public abstract Optional<String> fileSystemId();

  /** {@code FileSystemDataSource.FileSystemType}: {@code EFS} or {@code FSxLustre}. */
  public abstract Optional<String> fileSystemType();

  /** {@code FileSystemDataSource.DirectoryPath}, for example {@code /fsx/train} or {@code /abcdefgh/train}. */
  public abstract Optional<String> directoryPath();

  /** {@code FileSystemDataSource.FileSystemAccessMode}: {@code ro} or {@code rw}. */
  public abstract Optional<String> fileSystemAccessMode();

  /** The channel's own {@code InputMode}; absent means the job's {@code TrainingInputMode}. */
  public abstract Optional<String> inputMode();

  /** True for a {@code FileSystemDataSource} channel. */
  public boolean isFileSystem() {
    return fileSystemId().isPresent() || fileSystemType().isPresent();
  }

  /** An S3 channel of {@code S3Prefix} data. */
  public static InputChannel s3(String name, String s3Uri) {
    return InputChannel.builder().name(name).s3Uri(s3Uri).build();
  }
}
