package dev.vpctrain.testkit.internal.ec2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.internal.ec2.Ec2Mapping;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;

class NetworkInterfacesTest {
  private final FakeAws aws = FakeAws.create().load(Scenarios.rdsDatabase())
      .network(n -> n.efsFileSystem("fs-0a1b2c3d4e5f60801", f -> f
          .mountTarget("fsmt-0a1b2c3d4e5f60811", m -> m.subnet(Scenarios.PRIVATE_SUBNET_A).securityGroups(Scenarios.ENDPOINT_GROUP))
          .mountTarget("fsmt-0a1b2c3d4e5f60812", m -> m.subnet(Scenarios.PRIVATE_SUBNET_B).securityGroups(Scenarios.ENDPOINT_GROUP)))
          .networkInterface("eni-0a1b2c3d4e5f60a02", e -> e.subnet(Scenarios.DATABASE_SUBNET).prefix("10.20.3.32/28")
              .securityGroups(Scenarios.DATABASE_GROUP)));

  // tag::database[]
  @Test
  void theDatabaseIsFoundByItsAddressAsTheRulesLookItUp() {
    FakeAws aws = FakeAws.create().load(Scenarios.rdsDatabase());

    List<NetworkInterface> holding = aws.ec2Client().describeNetworkInterfaces(r -> r.filters(
        Filter.builder().name("addresses.private-ip-address").values(Scenarios.DATABASE_ADDRESS).build()))
        .networkInterfaces();

    assertThat(holding).singleElement().satisfies(n -> {
      assertThat(n.subnetId()).isEqualTo(Scenarios.DATABASE_SUBNET);
      assertThat(n.groups().get(0).groupId()).isEqualTo(Scenarios.DATABASE_GROUP);
    });
  }
  // end::database[]

  @Test
  void filtersSelectByVpcSubnetGroupAddressAndId() {
    assertThat(ids(filter("vpc-id", Scenarios.VPC))).hasSize(4);
    assertThat(ids(filter("subnet-id", Scenarios.DATABASE_SUBNET)))
        .containsExactly(Scenarios.DATABASE_INTERFACE, "eni-0a1b2c3d4e5f60a02");
    assertThat(ids(filter("group-id", Scenarios.ENDPOINT_GROUP))).hasSize(2);
    assertThat(ids(filter("interface-type", "efs"))).hasSize(2);
    assertThat(ids(filter("addresses.private-ip-address", "10.20.1.100"))).hasSize(1);
    assertThat(ids(filter("network-interface-id", "eni-0a1b2c3d4e5f60a0*"))).hasSize(2);
    // the address filter matches addresses, not delegated prefixes, as EC2's does; the snapshot model holds both
    assertThat(ids(filter("addresses.private-ip-address", "10.20.3.40"))).isEmpty();
    assertThat(aws.snapshot().networkInterfacesHolding("10.20.3.40")).extracting(n -> n.networkInterfaceId())
        .containsExactly("eni-0a1b2c3d4e5f60a02");
    assertThatThrownBy(() -> ids(filter("no-such-filter", "x"))).isInstanceOf(Ec2Exception.class)
        .hasMessageContaining("The filter 'no-such-filter' is invalid");
  }

  @Test
  void idsMustExistAndPagesFollowMaxResults() {
    List<String> pages = new ArrayList<>();
    List<String> all = new ArrayList<>();
    for (DescribeNetworkInterfacesResponse page : aws.ec2Client().describeNetworkInterfacesPaginator(r -> r.maxResults(5))) {
      pages.add(String.valueOf(page.networkInterfaces().size()));
      page.networkInterfaces().forEach(n -> all.add(n.networkInterfaceId()));
    }

    assertThat(pages).containsExactly("4");
    assertThat(all).hasSize(4).doesNotHaveDuplicates();
    assertThatThrownBy(() -> aws.ec2Client().describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-0123456789abcdef0")))
        .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("InvalidNetworkInterfaceID.NotFound"));
    assertThatThrownBy(() -> aws.ec2Client().describeNetworkInterfaces(r -> r.networkInterfaceIds("eni-!")))
        .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("InvalidNetworkInterfaceId.Malformed"));
    assertThatThrownBy(() -> aws.ec2Client().describeNetworkInterfaces(r -> r.maxResults(4)))
        .hasMessageContaining("Expecting a value between 5 and 1000");
  }

  @Test
  void anInterfaceMapsBackToTheWorldsModelAndAWorldWithoutInterfacesDeniesTheCall() {
    NetworkInterface db = aws.ec2Client().describeNetworkInterfaces(r -> r.networkInterfaceIds(Scenarios.DATABASE_INTERFACE))
        .networkInterfaces().get(0);

    assertThat(Ec2Mapping.networkInterface(db)).isEqualTo(aws.snapshot().networkInterface(Scenarios.DATABASE_INTERFACE)
        .orElseThrow());
    assertThat(db.availabilityZone()).isEqualTo("us-east-1a");
    assertThat(db.description()).isEqualTo("RDSNetworkInterface");
    assertThatThrownBy(() -> FakeAws.create().load(Scenarios.readyPrivateEndpoints()).ec2Client()
        .describeNetworkInterfaces(r -> { }))
        .isInstanceOfSatisfying(Ec2Exception.class, e -> assertThat(e.awsErrorDetails().errorCode())
            .isEqualTo("UnauthorizedOperation"));
  }

  private DescribeNetworkInterfacesRequest filter(String name, String value) {
    return DescribeNetworkInterfacesRequest.builder().filters(Filter.builder().name(name).values(value).build()).build();
  }

  private List<String> ids(DescribeNetworkInterfacesRequest r) {
    return aws.ec2Client().describeNetworkInterfaces(r).networkInterfaces().stream()
        .map(NetworkInterface::networkInterfaceId).toList();
  }
}
