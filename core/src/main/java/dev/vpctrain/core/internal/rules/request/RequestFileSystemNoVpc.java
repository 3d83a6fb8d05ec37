package dev.vpctrain.core.internal.rules.request;

import dev.vpctrain.core.internal.rules.fs.FileSystemChannel;
import dev.vpctrain.core.internal.rules.fs.FileSystemChannels;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.BaseRule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code request.file-system.no-vpc}: a channel reads an EFS or FSx for Lustre file system
 * ({@code FileSystemDataSource}) but the request has no {@code VpcConfig}; both are reachable only
 * from inside the VPC.
 */
public final class RequestFileSystemNoVpc extends BaseRule {
  public RequestFileSystemNoVpc() {
    super("request.file-system.no-vpc", Severity.ERROR, "A job with file-system channels runs in a VPC");
  }

  @Override
  public List<Finding> evaluate(RuleContext ctx) {
    List<FileSystemChannel> channels = FileSystemChannels.of(ctx);
    if (channels.isEmpty()) {
      return one(pass("The job has no file-system input channels."));
    }
    if (ctx.job().vpc().isPresent()) {
      return one(pass("The job runs in a VPC, from which its " + channels.size() + " file-system channel(s) can be mounted."));
    }
    List<Finding> out = new ArrayList<>();
    for (FileSystemChannel c : channels) {
      out.add(fail("Channel " + c.channel().name() + " reads " + c.fileSystemLabel()
              + " (" + c.field() + "), but the request has no VpcConfig: "
              + (c.isEfs() ? "an EFS file system is reachable only through its mount targets inside a VPC"
                  : "an FSx for Lustre file system is reachable only through its network interfaces inside its VPC")
              + ", so SageMaker cannot mount it.",
          "Add a VpcConfig with private subnets of the file system's VPC"
              + (c.isLustre() ? " (one that maps to the file system's Availability Zone ID)" : " (in Availability Zones that have a mount target)")
              + " and a security group the file system admits: \"VpcConfig\": {\"Subnets\": [\"subnet-…\"], "
              + "\"SecurityGroupIds\": [\"sg-…\"]} (SageMaker Python SDK: subnets=[…], security_group_ids=[…]).",
          c.fileSystemId()));
    }
    return out;
  }
}
