package dev.vpctrain.core.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VpcTargetTest {
  @Test
  void parsesEachKindWithPortsProtocolAndLabel() {
    assertThat(VpcTarget.parse("10.0.3.15:5432")).isEqualTo(VpcTarget.address("10.0.3.15", 5432));
    assertThat(VpcTarget.parse("10.1.0.0/16:443")).isEqualTo(VpcTarget.cidr("10.1.0.0/16", 443));
    assertThat(VpcTarget.parse("sg-0123456789abcdef0:6379")).isEqualTo(VpcTarget.sg("sg-0123456789abcdef0", 6379));
    assertThat(VpcTarget.parse(" eni-0123456789abcdef0:5432 ")).isEqualTo(VpcTarget.eni("eni-0123456789abcdef0", 5432));

    VpcTarget t = VpcTarget.parse("registry.corp=10.1.0.0/16:8000-8100/UDP");
    assertThat(t.kind()).isEqualTo(VpcTargetKind.CIDR);
    assertThat(t.label()).hasValue("registry.corp");
    assertThat(t.name()).isEqualTo("registry.corp");
    assertThat(t.fromPort()).isEqualTo(8000);
    assertThat(t.toPort()).isEqualTo(8100);
    assertThat(t.protocol()).isEqualTo("udp");
    assertThat(t).hasToString("registry.corp=10.1.0.0/16:8000-8100/udp");
    assertThat(VpcTarget.parse(t.toString())).isEqualTo(t);
    assertThat(VpcTarget.address("10.0.3.15", 5432).name()).isEqualTo("10.0.3.15");
  }

  @ParameterizedTest
  @ValueSource(strings = {"10.0.3.15", "db.internal:5432", "10.0.3.15:0", "10.0.3.15:70000", "10.0.3.15:9-8",
      "10.0.3.15:5432/sctp", "sg-xyz:5432", "eni-12:5432", "10.0.0.0/33:443", "fe80::1:443", "bad label=10.0.3.15:1",
      "=10.0.3.15:1", "10.0.3.15:port"})
  void refusesWhatIsNotATarget(String text) {
    assertThatThrownBy(() -> VpcTarget.parse(text))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected [label=]ADDR|CIDR|sg-…|eni-…:PORTS[/tcp|/udp]")
        .hasMessageContaining(text);
  }

  @Test
  void builderKeepsEachTargetOnceInOrder() {
    TrainingJobSpec spec = TrainingJobSpec.builder().name("j")
        .requiresInVpc(VpcTarget.sg("sg-0123456789abcdef0", 5432), VpcTarget.address("10.0.3.15", 443))
        .requiresInVpc(VpcTarget.sg("sg-0123456789abcdef0", 5432))
        .build();
    assertThat(spec.requiredInVpc()).containsExactly(VpcTarget.sg("sg-0123456789abcdef0", 5432),
        VpcTarget.address("10.0.3.15", 443));
    assertThat(spec.toBuilder().build()).isEqualTo(spec);
  }
}
