package dev.vpctrain.core.job;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * An input channel. An S3 channel has {@link #s3Uri()}; a file-system channel (EFS, FSx for Lustre)
 * has {@link #fileSystemId()} instead.
 */
@Value.Immutable
abstract class AbstractInputChannel {
  /** {@return the name} */
  public abstract String name();

  /** {@return the S3 URI, or empty} */
  public abstract Optional<String> s3Uri();

  /** {@return {@code S3Prefix} (default), {@code ManifestFile} or {@code AugmentedManifestFile}} */
  @Value.Default
  public String s3DataType() {
    return "S3Prefix";
  }

  /** {@return the S3 data distribution type, or empty} */
  public abstract Optional<String> s3DataDistributionType();

  /** {@return the file system id, or empty} */
  public abstract Optional<String> fileSystemId();

  /** {@return {@code FileSystemDataSource.FileSystemType}: {@code EFS} or {@code FSxLustre}} */
  public abstract Optional<String> fileSystemType();

  /** {@return {@code FileSystemDataSource.DirectoryPath}, for example {@code /fsx/train} or {@code /abcdefgh/train}} */
  public abstract Optional<String> directoryPath();

  /** {@return {@code FileSystemDataSource.FileSystemAccessMode}: {@code ro} or {@code rw}} */
  public abstract Optional<String> fileSystemAccessMode();

  /** {@return the channel's own {@code InputMode}; absent means the job's {@code TrainingInputMode}} */
  public abstract Optional<String> inputMode();

  /** {@return true for a {@code FileSystemDataSource} channel} */
  public boolean isFileSystem() {
    return fileSystemId().isPresent() || fileSystemType().isPresent();
  }

  /**
   * {@return an S3 channel of {@code S3Prefix} data}
   *
   * @param name the name
   * @param s3Uri the {@code s3://} URI
   */
  public static InputChannel s3(String name, String s3Uri) {
    return InputChannel.builder().name(name).s3Uri(s3Uri).build();
  }
}
