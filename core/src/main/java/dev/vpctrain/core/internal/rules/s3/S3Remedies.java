package dev.vpctrain.core.internal.rules.s3;

import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.reach.Reach;
import java.util.List;

/** Remediation text for the S3 path: adding a route table to an S3 gateway endpoint, or creating one. */
public final class S3Remedies {
  private S3Remedies() {}

  /** The command giving route table {@code routeTableId} of {@code vpcId} an S3 gateway endpoint route. */
  public static String addGatewayEndpoint(Reach reach, String vpcId, String routeTableId) {
    List<VpcEndpoint> existing = reach.s3GatewayEndpoints(vpcId);
    if (!existing.isEmpty()) {
      String vpce = existing.get(0).vpcEndpointId();
      return "Associate route table " + routeTableId + " with S3 gateway endpoint " + vpce
          + " (aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + vpce + " --add-route-table-ids " + routeTableId + ").";
    }
    return "Create an S3 gateway endpoint for route table " + routeTableId + " (aws ec2 create-vpc-endpoint --vpc-id " + vpcId
        + " --vpc-endpoint-type Gateway --service-name com.amazonaws." + reach.network().region() + ".s3 --route-table-ids "
        + routeTableId + ").";
  }
}
