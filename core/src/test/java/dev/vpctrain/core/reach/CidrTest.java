package dev.vpctrain.core.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
  @Test
  void parsesAndFormats() {
    Cidr c = Cidr.parse("10.20.0.0/16");
    assertThat(c.prefixLength()).isEqualTo(16);
    assertThat(c.network()).isEqualTo(0x0A140000);
    assertThat(c.size()).isEqualTo(65536);
    assertThat(c).hasToString("10.20.0.0/16");
    assertThat(Cidr.parse("255.255.255.255/32")).hasToString("255.255.255.255/32");
    assertThat(Cidr.parse("0.0.0.0/0").isDefault()).isTrue();
    assertThat(Cidr.parse("0.0.0.0/0")).isEqualTo(Cidr.ANY);
  }

  @Test
  void clearsHostBitsAndTreatsABareAddressAsSlash32() {
    assertThat(Cidr.parse("10.20.1.7/16")).isEqualTo(Cidr.parse("10.20.0.0/16"));
    assertThat(Cidr.parse("192.0.2.9")).hasToString("192.0.2.9/32");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0/8", "10.0.0.0/33", "10.0.0.256/8", "10.0.0.0/", "a.b.c.d/8", "10.0.0.0/8/8",
      "10..0.0/8", "1.2.3.4.5/8", "10.0.0.0/-1", "::/0", "1234.0.0.0/8"})
  void rejectsMalformedText(String text) {
    assertThat(Cidr.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
  }

  @Test
  void containsAddresses() {
    Cidr c = Cidr.parse("52.216.0.0/15");
    assertThat(c.contains("52.216.0.0")).isTrue();
    assertThat(c.contains("52.217.255.255")).isTrue();
    assertThat(c.contains("52.218.0.0")).isFalse();
    assertThat(c.contains("52.215.255.255")).isFalse();
    assertThat(Cidr.ANY.contains("255.255.255.255")).isTrue();
    assertThat(Cidr.parse("200.1.2.3/32").contains("200.1.2.3")).isTrue();
    assertThat(Cidr.parse("200.1.2.3/32").contains("200.1.2.4")).isFalse();
  }

  @Test
  void coversAndOverlaps() {
    Cidr vpc = Cidr.parse("10.20.0.0/16");
    Cidr subnet = Cidr.parse("10.20.1.0/24");
    assertThat(vpc.covers(subnet)).isTrue();
    assertThat(subnet.covers(vpc)).isFalse();
    assertThat(vpc.covers(vpc)).isTrue();
    assertThat(Cidr.ANY.covers(vpc)).isTrue();
    assertThat(vpc.overlaps(subnet)).isTrue();
    assertThat(subnet.overlaps(vpc)).isTrue();
    assertThat(vpc.overlaps(Cidr.parse("10.21.0.0/16"))).isFalse();
    assertThat(Cidr.parse("128.0.0.0/1").covers(Cidr.parse("200.0.0.0/8"))).isTrue();
    assertThat(Cidr.parse("128.0.0.0/1").covers(Cidr.parse("100.0.0.0/8"))).isFalse();
  }

  @Test
  void knowsNonPublicSpace() {
    assertThat(Cidr.parse("10.20.0.0/16").isNonPublic()).isTrue();
    assertThat(Cidr.parse("172.31.0.0/16").isNonPublic()).isTrue();
    assertThat(Cidr.parse("192.168.1.0/24").isNonPublic()).isTrue();
    assertThat(Cidr.parse("100.64.0.0/10").isNonPublic()).isTrue();
    assertThat(Cidr.parse("172.32.0.0/16").isNonPublic()).isFalse();
    assertThat(Cidr.parse("52.216.0.0/15").isNonPublic()).isFalse();
    assertThat(Cidr.parse("8.0.0.0/6").isNonPublic()).isFalse();
    assertThat(Cidr.ANY.isNonPublic()).isFalse();
  }

  @Test
  void ordersByNetworkUnsignedThenPrefix() {
    assertThat(Cidr.parse("200.0.0.0/8")).isGreaterThan(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.parse("10.0.0.0/16")).isGreaterThan(Cidr.parse("10.0.0.0/8"));
    assertThat(Cidr.isAddress("10.0.0.1")).isTrue();
    assertThat(Cidr.isAddress("registry.example.com")).isFalse();
  }
}
