package dev.vpctrain.core.internal.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4RangeSetTest {
  @Test
  void unionMergesAdjacentHalves() {
    Ipv4RangeSet halves = Ipv4RangeSet.parse(List.of("10.0.0.128/25", "10.0.0.0/25"));
    assertThat(halves.intervalCount()).isEqualTo(1);
    assertThat(halves.containsAll(Ipv4RangeSet.parse(List.of("10.0.0.0/24")))).isTrue();
    assertThat(halves.containsAll(Ipv4RangeSet.parse(List.of("10.0.0.0/23")))).isFalse();
  }

  @Test
  void minusAndIntersects() {
    Ipv4RangeSet vpc = Ipv4RangeSet.parse(List.of("10.20.0.0/16"));
    Ipv4RangeSet rest = vpc.minus(Ipv4RangeSet.parse(List.of("10.20.1.0/24", "10.20.3.0/24")));
    assertThat(rest.intervalCount()).isEqualTo(3);
    assertThat(rest.intersects(Ipv4RangeSet.parse(List.of("10.20.1.0/24")))).isFalse();
    assertThat(rest.intersects(Ipv4RangeSet.parse(List.of("10.20.2.0/24")))).isTrue();
    assertThat(rest.contains(Ipv4RangeSet.first(Cidr.parseIpv4("10.20.2.9")))).isTrue();
    assertThat(rest.contains(Ipv4RangeSet.first(Cidr.parseIpv4("10.20.3.9")))).isFalse();
  }

  @Test
  void takesOnlyIpv4Blocks() {
    assertThatThrownBy(() -> Ipv4RangeSet.of(List.of(Cidr.parse("2001:db8::/32"))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2001:db8::/32");
    assertThatThrownBy(() -> Ipv4RangeSet.parse(List.of("2001:db8::/32"))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("expected an IPv4 CIDR block such as 10.0.0.0/16 but was '2001:db8::/32'");
  }

  @Test
  void boundsAreUnsigned() {
    assertThat(Ipv4RangeSet.last(Cidr.IPV4_ANY)).isEqualTo(0xFFFFFFFFL);
    assertThat(Ipv4RangeSet.first(Cidr.parseIpv4("200.0.0.0/8"))).isEqualTo(200L << 24);
    assertThat(Ipv4RangeSet.parse(List.of("200.0.0.0/8")).contains(Ipv4RangeSet.first(Cidr.parseIpv4("200.1.2.3")))).isTrue();
  }

  @Test
  void publicSpaceExcludesPrivateRanges() {
    assertThat(Ipv4RangeSet.PUBLIC.contains(Ipv4RangeSet.first(Cidr.parseIpv4("52.216.1.1")))).isTrue();
    assertThat(Ipv4RangeSet.PUBLIC.intersects(Ipv4RangeSet.parse(List.of("10.0.0.0/8", "192.168.0.0/16", "172.16.0.0/12"))))
        .isFalse();
    assertThat(Ipv4RangeSet.ALL.containsAll(Ipv4RangeSet.PUBLIC)).isTrue();
  }

  @Test
  void triLogic() {
    assertThat(Tri.YES.and(Tri.UNKNOWN)).isEqualTo(Tri.UNKNOWN);
    assertThat(Tri.NO.and(Tri.UNKNOWN)).isEqualTo(Tri.NO);
    assertThat(Tri.YES.or(Tri.UNKNOWN)).isEqualTo(Tri.YES);
    assertThat(Tri.NO.or(Tri.UNKNOWN)).isEqualTo(Tri.UNKNOWN);
    assertThat(Tri.UNKNOWN.not()).isEqualTo(Tri.UNKNOWN);
  }
}
