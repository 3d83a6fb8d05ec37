package dev.vpctrain.testkit.internal.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.testkit.Scenario;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.network.NetworkBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fake's store holds a network's EC2 outputs as SDK shapes; mapping every section back through
 * {@code Ec2Mapping} gives the network it came from, so a change to one stored section leaves the
 * rest of the world's snapshot as it was.
 */
class Ec2StoreTest {
  static List<Scenario> scenarios() {
    List<Scenario> all = new java.util.ArrayList<>(Scenarios.all());
    all.addAll(Scenarios.inVpc());
    return all;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  void everySectionMapsBackToTheNetworkItWasReadFrom(Scenario scenario) {
    NetworkSnapshot network = scenario.network();
    Ec2Store store = Ec2Store.of(network);

    NetworkSnapshot back = network;
    for (Ec2Operation<?, ?, ?> op : Ec2Operations.ALL) {
      assertThat(store.items(op).isPresent()).as(op.section.name()).isEqualTo(network.has(op.section));
      back = store.applyTo(back, op);
    }

    assertThat(back).isEqualTo(network);
  }

  @Test
  void aSectionTheNetworkDoesNotKnowIsNotStored() {
    NetworkSnapshot network = NetworkBuilder.from(Scenarios.readyPrivateEndpoints().network())
        .forget(Section.NETWORK_ACLS).build();

    Ec2Store store = Ec2Store.of(network);

    assertThat(store.items(Ec2Operations.NETWORK_ACLS)).isEmpty();
    assertThat(store.items(Ec2Operations.SUBNETS).orElseThrow()).hasSize(network.subnets().orElseThrow().size());
    assertThat(store.applyTo(network, Ec2Operations.NETWORK_ACLS)).isEqualTo(network);
  }
}
