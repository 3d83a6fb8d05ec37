package dev.vpctrain.core.internal.rules.cluster;

import static dev.vpctrain.core.fixtures.SgFixtures.acl;
import static dev.vpctrain.core.fixtures.SgFixtures.entry;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.internal.reach.Traffic;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommandsTest {
  private final NetworkAcl acl = acl("acl-1", false, List.of(), List.of(
      entry(99, true, "-1", true, "0.0.0.0/0", null),
      entry(100, true, "-1", false, "10.0.0.0/8", null),
      entry(120, false, "-1", true, "0.0.0.0/0", null),
      entry(32767, true, "-1", false, "0.0.0.0/0", null)));

  @Test
  void ruleNumberIsTheNearestFreeOneBeforeTheDeny() {
    assertThat(Commands.freeRuleNumber(acl, true, 100)).isEqualTo(98);
    assertThat(Commands.freeRuleNumber(acl, false, 100)).isEqualTo(99);
  }

  @Test
  void beforeTheFinalRuleIsAfterTheHighestUsed() {
    assertThat(Commands.freeRuleNumber(acl, true, 32767)).isEqualTo(110);
    assertThat(Commands.freeRuleNumber(acl, false, 32767)).isEqualTo(130);
  }

  @Test
  void commandsNameProtocolsAndPorts() {
    assertThat(Commands.aclAllow(acl, false, 32767, Traffic.tcp(1024, 65535), "0.0.0.0/0"))
        .isEqualTo("aws ec2 create-network-acl-entry --network-acl-id acl-1 --ingress --rule-number 130 "
            + "--protocol tcp --port-range From=1024,To=65535 --cidr-block 0.0.0.0/0 --rule-action allow");
    assertThat(Commands.aclAllow(acl, true, 100, Traffic.allProtocols(), "10.20.1.0/24"))
        .isEqualTo("aws ec2 create-network-acl-entry --network-acl-id acl-1 --egress --rule-number 98 "
            + "--protocol -1 --cidr-block 10.20.1.0/24 --rule-action allow");
    assertThat(Commands.ingressFromGroup("sg-1", "sg-2")).isEqualTo(
        "aws ec2 authorize-security-group-ingress --group-id sg-1 --ip-permissions 'IpProtocol=-1,UserIdGroupPairs=[{GroupId=sg-2}]'");
  }
}
