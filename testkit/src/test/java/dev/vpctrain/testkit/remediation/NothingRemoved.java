package dev.vpctrain.testkit.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import dev.vpctrain.core.internal.policy.JsonDocument;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Asserts that applying a plan deleted and narrowed nothing: every resource, rule, route and statement is still there. */
final class NothingRemoved {
  private NothingRemoved() {}

  static void between(NetworkSnapshot before, NetworkSnapshot after) {
    for (Vpc v : before.vpcs().orElse(List.of())) {
      Vpc now = after.vpc(v.vpcId()).orElseThrow(() -> new AssertionError(v.vpcId() + " was deleted"));
      if (v.enableDnsSupport().orElse(false)) {
        assertThat(now.enableDnsSupport()).as("enableDnsSupport of " + v.vpcId()).contains(true);
      }
      if (v.enableDnsHostnames().orElse(false)) {
        assertThat(now.enableDnsHostnames()).as("enableDnsHostnames of " + v.vpcId()).contains(true);
      }
    }
    for (SecurityGroup g : before.securityGroups().orElse(List.of())) {
      SecurityGroup now = after.securityGroup(g.groupId()).orElseThrow(() -> new AssertionError(g.groupId() + " was deleted"));
      assertThat(peers(now.ingress())).as("ingress of " + g.groupId()).containsAll(peers(g.ingress()));
      assertThat(peers(now.egress())).as("egress of " + g.groupId()).containsAll(peers(g.egress()));
    }
    for (RouteTable t : before.routeTables().orElse(List.of())) {
      RouteTable now = after.routeTable(t.routeTableId()).orElseThrow(() -> new AssertionError(t.routeTableId() + " was deleted"));
      assertThat(now.routes()).as("routes of " + t.routeTableId()).containsAll(t.routes());
      assertThat(now.associations()).as("associations of " + t.routeTableId()).containsAll(t.associations());
    }
    for (VpcEndpoint e : before.vpcEndpoints().orElse(List.of())) {
      VpcEndpoint now = after.vpcEndpoint(e.vpcEndpointId())
          .orElseThrow(() -> new AssertionError(e.vpcEndpointId() + " was deleted"));
      assertThat(now.routeTableIds()).as("route tables of " + e.vpcEndpointId()).containsAll(e.routeTableIds());
      assertThat(now.subnetIds()).as("subnets of " + e.vpcEndpointId()).containsAll(e.subnetIds());
      assertThat(now.groupIds()).as("groups of " + e.vpcEndpointId()).containsAll(e.groupIds());
      assertKeepsStatements(e.policyDocument(), now.policyDocument(), "policy of " + e.vpcEndpointId());
    }
    for (BucketFacts b : before.buckets().values()) {
      BucketFacts now = after.buckets().get(b.bucket());
      assertThat(now).as("bucket " + b.bucket()).isNotNull();
      assertKeepsStatements(b.policy(), now.policy(), "policy of bucket " + b.bucket());
    }
  }

  static void assertKeepsStatements(Optional<String> before, Optional<String> after, String what) {
    if (before.isEmpty()) {
      return;
    }
    assertThat(after).as(what + " was removed").isPresent();
    assertThat(statements(after.get())).as(what + " lost a statement").containsAll(statements(before.get()));
  }

  static List<JsonNode> statements(String policy) {
    JsonNode st = JsonDocument.readObject(policy, null).required("Statement");
    if (!st.isArray()) {
      return List.of(st);
    }
    List<JsonNode> out = new ArrayList<>();
    st.forEach(out::add);
    return out;
  }

  /** Every (protocol, ports, peer) a list of permissions allows. */
  private static List<String> peers(List<Permission> perms) {
    List<String> out = new ArrayList<>();
    for (Permission p : perms) {
      String head = p.ipProtocol() + " " + p.fromPort().orElse(-1) + "-" + p.toPort().orElse(-1) + " ";
      p.ipRanges().forEach(x -> out.add(head + x));
      p.ipv6Ranges().forEach(x -> out.add(head + x));
      p.prefixListIds().forEach(x -> out.add(head + x));
      p.groupIds().forEach(x -> out.add(head + x));
    }
    return out;
  }
}
