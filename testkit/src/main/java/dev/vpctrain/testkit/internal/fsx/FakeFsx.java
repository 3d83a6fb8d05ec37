package dev.vpctrain.testkit.internal.fsx;

import dev.vpctrain.aws.internal.fsx.FsxMapping;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.sdk.Unknown;
import dev.vpctrain.testkit.internal.world.World;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.fsx.FSxClient;
import software.amazon.awssdk.services.fsx.FSxServiceClientConfiguration;
import software.amazon.awssdk.services.fsx.model.BadRequestException;
import software.amazon.awssdk.services.fsx.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.fsx.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.fsx.model.FSxException;
import software.amazon.awssdk.services.fsx.model.FileSystem;
import software.amazon.awssdk.services.fsx.model.FileSystemNotFoundException;

/**
 * The fake Amazon FSx service: {@code DescribeFileSystems} over the world's FSx file systems (by
 * ids, each of which must exist, else {@code FileSystemNotFound}; paged by
 * {@code MaxResults}/{@code NextToken}), answered with the SDK's shapes made by {@code FsxMapping}
 * (the one mapping). FSx lists network interfaces, not security groups: those are in the fake EC2's
 * {@code DescribeNetworkInterfaces}. Public for the client proxy only.
 */
@FakeClientOf(value = FSxClient.class, name = "FakeFsxClient")
public final class FakeFsx {
  private static final ServiceErrors ERRORS = new ServiceErrors("FSx", FSxException::builder, Map.of(
      "FileSystemNotFound", FileSystemNotFoundException::builder,
      "BadRequest", BadRequestException::builder,
      "InternalServerError", software.amazon.awssdk.services.fsx.model.InternalServerErrorException::builder));

  private final World world;

  private FakeFsx(World world) {
    this.world = world;
  }

  /** An {@code FSxClient} over {@code world}. */
  public static FSxClient client(World world) {
    return new FakeFsxClient(new ClientDispatch("fsx", "fsx", new FakeFsx(world), world, ERRORS, "x-amzn-RequestId"));
  }

  public FSxServiceClientConfiguration serviceClientConfiguration() {
    return FSxServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public DescribeFileSystemsResponse describeFileSystems(DescribeFileSystemsRequest r) {
    NetworkSnapshot n = world.network();
    List<FsxFileSystem> all = n.fsxFileSystems()
        .orElseThrow(() -> Unknown.error(n, Section.FSX_FILE_SYSTEMS, null, "AccessDeniedException"));
    List<FileSystem> selected = new ArrayList<>();
    if (r.hasFileSystemIds() && !r.fileSystemIds().isEmpty()) {
      Set<String> wanted = new LinkedHashSet<>(r.fileSystemIds());
      for (String id : wanted) {
        if (n.fsxFileSystem(id).isEmpty()) {
          throw new AwsError("FileSystemNotFound", "File system '" + id + "' does not exist.", 400);
        }
      }
      all.stream().filter(f -> wanted.contains(f.fileSystemId())).forEach(f -> selected.add(FsxMapping.sdkFileSystem(f)));
    } else {
      all.forEach(f -> selected.add(FsxMapping.sdkFileSystem(f)));
    }
    if (r.maxResults() != null && r.maxResults() < 1) {
      throw new AwsError("BadRequest", "1 validation error detected: Value '" + r.maxResults()
          + "' at 'maxResults' failed to satisfy constraint: Member must have value greater than or equal to 1", 400);
    }
    Pages.Page<FileSystem> page = Pages.slice(selected, r.maxResults(), r.nextToken(), "fsx:DescribeFileSystems",
        t -> new AwsError("BadRequest", "Invalid NextToken: " + t, 400));
    return DescribeFileSystemsResponse.builder().fileSystems(page.items()).nextToken(page.nextToken()).build();
  }
}
