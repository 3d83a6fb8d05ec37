package dev.vpctrain.aws.internal.fsx;

import dev.vpctrain.core.network.FsxFileSystem;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.fsx.model.FileSystem;
import software.amazon.awssdk.services.fsx.model.FileSystemFailureDetails;
import software.amazon.awssdk.services.fsx.model.LustreFileSystemConfiguration;

/**
 * The one mapping between the FSx SDK response shapes and the core snapshot model, for live
 * discovery and the snapshot bundle alike (as {@link Ec2Mapping} is for EC2). Enum-like values
 * become upper case, as the FSx API spells them; values the SDK's enum does not know are kept.
 * {@link #sdkFileSystem} is the inverse, for writing a model as the API's shape.
 */
public final class FsxMapping {
  private FsxMapping() {}

  public static FsxFileSystem fileSystem(FileSystem f) {
    FsxFileSystem.Builder b = FsxFileSystem.builder()
        .fileSystemId(f.fileSystemId())
        .fileSystemType(upper(f.fileSystemTypeAsString()))
        .lifecycle(upper(f.lifecycleAsString()))
        .vpcId(Optional.ofNullable(f.vpcId()))
        .subnetIds(f.subnetIds())
        .networkInterfaceIds(f.networkInterfaceIds())
        .dnsName(Optional.ofNullable(f.dnsName()))
        .ownerId(Optional.ofNullable(f.ownerId()))
        .creationTime(Optional.ofNullable(f.creationTime()));
    if (f.failureDetails() != null) {
      b.failureMessage(Optional.ofNullable(f.failureDetails().message()));
    }
    LustreFileSystemConfiguration l = f.lustreConfiguration();
    if (l != null) {
      b.lustreDeploymentType(upper(l.deploymentTypeAsString()))
          .mountName(Optional.ofNullable(l.mountName()))
          .efaEnabled(Optional.ofNullable(l.efaEnabled()));
    }
    return b.build();
  }

  public static FileSystem sdkFileSystem(FsxFileSystem f) {
    FileSystem.Builder b = FileSystem.builder()
        .ownerId(f.ownerId().orElse(null))
        .creationTime(f.creationTime().orElse(null))
        .fileSystemId(f.fileSystemId())
        .fileSystemType(f.fileSystemType().orElse(null))
        .lifecycle(f.lifecycle().orElse(null))
        .vpcId(f.vpcId().orElse(null))
        .subnetIds(f.subnetIds())
        .networkInterfaceIds(f.networkInterfaceIds())
        .dnsName(f.dnsName().orElse(null));
    f.failureMessage().ifPresent(m -> b.failureDetails(FileSystemFailureDetails.builder().message(m).build()));
    if (f.lustreDeploymentType().isPresent() || f.mountName().isPresent() || f.efaEnabled().isPresent()) {
      b.lustreConfiguration(LustreFileSystemConfiguration.builder()
          .deploymentType(f.lustreDeploymentType().orElse(null))
          .mountName(f.mountName().orElse(null))
          .efaEnabled(f.efaEnabled().orElse(null))
          .build());
    }
    return b.build();
  }

  private static Optional<String> upper(String value) {
    return value == null ? Optional.empty() : Optional.of(value.toUpperCase(Locale.ROOT));
  }
}
