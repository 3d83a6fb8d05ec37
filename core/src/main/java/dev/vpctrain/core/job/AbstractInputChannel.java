package dev.vpctrain.core.job;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One of the job's input channels ({@code InputDataConfig[]}). An S3 channel has {@link #s3Uri()}; a
 * file-system channel (EFS, FSx for Lustre) has {@link #fileSystemId()} instead. Build with
 * {@code InputChannel.builder()} or {@link #s3}.
 */
@Value.Immutable
abstract class AbstractInputChannel {
  /** {@return {@code ChannelName}, for example {@code train}} */
  public abstract String name();

  /** {@return {@code DataSource.S3DataSource.S3Uri}; empty for a file-system channel} */
  public abstract Optional<String> s3Uri();

  /**
   * {@return the request member that holds {@link #s3Uri()} when it is not the training job's
   * {@code InputDataConfig[i].DataSource.S3DataSource.S3Uri}, for example a processing job's
   * {@code ProcessingInputs[0].S3Input.S3Uri}; findings name it}
   */
  public abstract Optional<String> s3UriField();

  /** {@return {@code S3DataSource.S3DataType}: {@code S3Prefix} (the default), {@code ManifestFile} or {@code AugmentedManifestFile}} */
  @Value.Default
  public String s3DataType() {
    return "S3Prefix";
  }

  /** {@return {@code S3DataSource.S3DataDistributionType}: {@code FullyReplicated} or {@code ShardedByS3Key}; empty when not given} */
  public abstract Optional<String> s3DataDistributionType();

  /** {@return {@code FileSystemDataSource.FileSystemId}, for example {@code fs-0123456789abcdef0}; empty for an S3 channel} */
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
   * {@return an S3 channel of {@code S3Prefix} data: SageMaker reads every object under the prefix}
   *
   * @param name {@code ChannelName}, for example {@code train}
   * @param s3Uri {@code S3DataSource.S3Uri}, an {@code s3://bucket/prefix} URI
   */
  public static InputChannel s3(String name, String s3Uri) {
    return InputChannel.builder().name(name).s3Uri(s3Uri).build();
  }
}
