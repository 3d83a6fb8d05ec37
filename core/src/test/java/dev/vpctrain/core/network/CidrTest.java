package dev.vpctrain.core.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
  @Test
  void parsesAndFormats() {
    Cidr c = Cidr.parseIpv4("10.20.0.0/16");
    assertThat(c.prefixLength()).isEqualTo(16);
    assertThat(c.ipv4Network()).isEqualTo(0x0A140000);
    assertThat(c.size()).isEqualTo(65536);
    assertThat(c).hasToString("10.20.0.0/16");
    assertThat(Cidr.parseIpv4("255.255.255.255/32")).hasToString("255.255.255.255/32");
    assertThat(Cidr.parseIpv4("0.0.0.0/0").isDefault()).isTrue();
    assertThat(Cidr.parseIpv4("0.0.0.0/0")).isEqualTo(Cidr.IPV4_ANY);
  }

  @Test
  void clearsHostBitsAndTreatsABareAddressAsSlash32() {
    assertThat(Cidr.parseIpv4("10.20.1.7/16")).isEqualTo(Cidr.parseIpv4("10.20.0.0/16"));
    assertThat(Cidr.parseIpv4("192.0.2.9")).hasToString("192.0.2.9/32");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0/8", "10.0.0.0/33", "10.0.0.256/8", "10.0.0.0/", "a.b.c.d/8", "10.0.0.0/8/8",
      "10..0.0/8", "1.2.3.4.5/8", "10.0.0.0/-1", "::/0", "1234.0.0.0/8", " 10.0.0.0/8", "10.0.0.0/8 ", "10.0.0.0/0008",
      "10.0.0.0/+8", "١.0.0.0/8"})
  void rejectsMalformedText(String text) {
    assertThat(Cidr.tryParseIpv4(text)).isEmpty();
    assertThatThrownBy(() -> Cidr.parseIpv4(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "::/129", "2001:db8:::1/64", "2001:db8::1::2/64", "12345::/16", "1:2:3:4:5:6:7:8:9/64",
      "1:2:3:4:5:6:7/64", "g::1/64", "1.2.3.4::/64", ":1::/64", "1::2:/64", "2001:db8::/", "2001:db8::/x", "١::/16"})
  void rejectsMalformedIpv6Text(String text) {
    assertThat(Cidr.tryParse(text)).isEmpty();
    assertThatThrownBy(() -> Cidr.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(text);
  }

  @Test
  void parsesIpv6AndFormatsItCompressed() {
    Cidr c = Cidr.parse("2600:1F18:0:0:0:0:0:7/56");
    assertThat(c.isIpv6()).isTrue();
    assertThat(c).hasToString("2600:1f18::/56");
    assertThat(c.prefixLength()).isEqualTo(56);
    assertThat(Cidr.parse("::/0")).hasToString("::/0");
    assertThat(Cidr.parse("::/0").isDefault()).isTrue();
    assertThat(Cidr.parse("2001:db8:0:1:0:0:0:1")).hasToString("2001:db8:0:1::1/128");
    assertThat(Cidr.parse("1:0:0:2:0:0:0:3/128")).hasToString("1:0:0:2::3/128");
    assertThat(Cidr.parse("1:0:0:2:0:0:3:4/128")).hasToString("1::2:0:0:3:4/128");
    assertThat(Cidr.parse("1:2:3:4:5:6:7:8/128")).hasToString("1:2:3:4:5:6:7:8/128");
    assertThat(Cidr.parse("64:ff9b::192.0.2.1")).hasToString("64:ff9b::c000:201/128");
    assertThat(Cidr.parse("2001:db8::/48").size()).isEqualTo(Long.MAX_VALUE);
    assertThat(Cidr.parse("2001:db8::/120").size()).isEqualTo(256);
    assertThat(Cidr.parse("2001:db8::1/32")).isEqualTo(Cidr.parse("2001:db8::/32"));
    assertThat(Cidr.tryParseIpv4("2001:db8::/32")).isEmpty();
    assertThat(Cidr.parse("10.0.0.0/032")).isEqualTo(Cidr.parseIpv4("10.0.0.0/32"));
  }

  @Test
  void neverCoversAcrossFamilies() {
    Cidr v6 = Cidr.parse("::/0");
    assertThat(v6.covers(Cidr.parse("2001:db8::1"))).isTrue();
    assertThat(v6.covers(Cidr.parseIpv4("10.0.0.1"))).isFalse();
    assertThat(Cidr.IPV4_ANY.covers(Cidr.parse("::1"))).isFalse();
    assertThat(Cidr.IPV4_ANY.overlaps(v6)).isFalse();
    assertThat(Cidr.parse("fe80::/10").covers(Cidr.parse("febf::1"))).isTrue();
    assertThat(Cidr.parse("fe80::/10").covers(Cidr.parse("fec0::1"))).isFalse();
    assertThat(Cidr.parse("2001:db8::/64").covers(Cidr.parse("2001:db8:0:0:ffff::/80"))).isTrue();
    assertThat(Cidr.parse("2001:db8::/64").covers(Cidr.parse("2001:db8:0:1::/80"))).isFalse();
    assertThat(Cidr.parse("::1").contains(1)).isFalse();
    assertThat(Cidr.parse("2001:db8::/32").isNonPublic()).isFalse();
    assertThat(Cidr.parseIpv4("10.0.0.0/8")).isLessThan(Cidr.parse("::/0"));
  }

  @Test
  void unmapsIpv4MappedAddresses() {
    assertThat(Cidr.parse("::ffff:10.1.2.3").unmapIpv4()).isEqualTo(Cidr.parseIpv4("10.1.2.3"));
    assertThat(Cidr.parse("::fffe:10.1.2.3").unmapIpv4()).isEqualTo(Cidr.parse("::fffe:a01:203"));
    assertThat(Cidr.parse("::ffff:10.1.2.3/120").unmapIpv4()).isEqualTo(Cidr.parse("::ffff:10.1.2.0/120"));
  }

  @Test
  void rejectsInconsistentRawValues() {
    assertThatThrownBy(() -> Cidr.of(32, 0, 0x0A000001L, 8)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("host bits");
    assertThatThrownBy(() -> Cidr.of(32, 0, 0, 33)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.of(64, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.of(32, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Cidr.ipv4(0, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void containsAddresses() {
    Cidr c = Cidr.parseIpv4("52.216.0.0/15");
    assertThat(c.contains("52.216.0.0")).isTrue();
    assertThat(c.contains("52.217.255.255")).isTrue();
    assertThat(c.contains("52.218.0.0")).isFalse();
    assertThat(c.contains("52.215.255.255")).isFalse();
    assertThat(Cidr.IPV4_ANY.contains("255.255.255.255")).isTrue();
    assertThat(Cidr.parseIpv4("200.1.2.3/32").contains("200.1.2.3")).isTrue();
    assertThat(Cidr.parseIpv4("200.1.2.3/32").contains("200.1.2.4")).isFalse();
  }

  @Test
  void coversAndOverlaps() {
    Cidr vpc = Cidr.parseIpv4("10.20.0.0/16");
    Cidr subnet = Cidr.parseIpv4("10.20.1.0/24");
    assertThat(vpc.covers(subnet)).isTrue();
    assertThat(subnet.covers(vpc)).isFalse();
    assertThat(vpc.covers(vpc)).isTrue();
    assertThat(Cidr.IPV4_ANY.covers(vpc)).isTrue();
    assertThat(vpc.overlaps(subnet)).isTrue();
    assertThat(subnet.overlaps(vpc)).isTrue();
    assertThat(vpc.overlaps(Cidr.parseIpv4("10.21.0.0/16"))).isFalse();
    assertThat(Cidr.parseIpv4("128.0.0.0/1").covers(Cidr.parseIpv4("200.0.0.0/8"))).isTrue();
    assertThat(Cidr.parseIpv4("128.0.0.0/1").covers(Cidr.parseIpv4("100.0.0.0/8"))).isFalse();
  }

  @Test
  void knowsNonPublicSpace() {
    assertThat(Cidr.parseIpv4("10.20.0.0/16").isNonPublic()).isTrue();
    assertThat(Cidr.parseIpv4("172.31.0.0/16").isNonPublic()).isTrue();
    assertThat(Cidr.parseIpv4("192.168.1.0/24").isNonPublic()).isTrue();
    assertThat(Cidr.parseIpv4("100.64.0.0/10").isNonPublic()).isTrue();
    assertThat(Cidr.parseIpv4("172.32.0.0/16").isNonPublic()).isFalse();
    assertThat(Cidr.parseIpv4("52.216.0.0/15").isNonPublic()).isFalse();
    assertThat(Cidr.parseIpv4("8.0.0.0/6").isNonPublic()).isFalse();
    assertThat(Cidr.IPV4_ANY.isNonPublic()).isFalse();
  }

  @Test
  void ordersByNetworkUnsignedThenPrefix() {
    assertThat(Cidr.parseIpv4("200.0.0.0/8")).isGreaterThan(Cidr.parseIpv4("10.0.0.0/8"));
    assertThat(Cidr.parseIpv4("10.0.0.0/16")).isGreaterThan(Cidr.parseIpv4("10.0.0.0/8"));
    assertThat(Cidr.isIpv4Address("10.0.0.1")).isTrue();
    assertThat(Cidr.isIpv4Address("registry.example.com")).isFalse();
  }
}
