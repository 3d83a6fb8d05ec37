package dev.vpctrain.core.reach;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class Ipv4RangeSetTest {
  @Test
  void parsesAndClearsHostBits() {
    Ipv4Cidr c = Ipv4Cidr.parse("10.20.1.77/24");
    assertThat(c).hasToString("10.20.1.0/24");
    assertThat(c.size()).isEqualTo(256);
    assertThat(Ipv4Cidr.parse("10.0.0.5")).hasToString("10.0.0.5/32");
    assertThat(Ipv4Cidr.parse("0.0.0.0/0").last()).isEqualTo(0xFFFFFFFFL);
  }

  @Test
  void rejectsMalformed() {
    for (String bad : List.of("10.0.0/8", "10.0.0.256/8", "10.0.0.0/33", "a.b.c.d/8", "10.0.0.0/", "::/0", "")) {
      assertThat(Ipv4Cidr.tryParse(bad)).as(bad).isEmpty();
    }
    assertThatThrownBy(() -> Ipv4Cidr.parse("10.0.0/8")).hasMessageContaining("'10.0.0/8'");
  }

  @Test
  void containmentAndOverlap() {
    assertThat(Ipv4Cidr.parse("10.20.0.0/16").contains(Ipv4Cidr.parse("10.20.2.0/24"))).isTrue();
    assertThat(Ipv4Cidr.parse("10.20.2.0/24").contains(Ipv4Cidr.parse("10.20.0.0/16"))).isFalse();
    assertThat(Ipv4Cidr.parse("10.20.2.0/24").overlaps(Ipv4Cidr.parse("10.20.0.0/16"))).isTrue();
    assertThat(Ipv4Cidr.parse("10.20.2.0/24").overlaps(Ipv4Cidr.parse("10.20.3.0/24"))).isFalse();
  }

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
    assertThat(rest.contains(Ipv4Cidr.parse("10.20.2.9").first())).isTrue();
    assertThat(rest.contains(Ipv4Cidr.parse("10.20.3.9").first())).isFalse();
  }

  @Test
  void publicSpaceExcludesPrivateRanges() {
    assertThat(Ipv4RangeSet.PUBLIC.contains(Ipv4Cidr.parse("52.216.1.1").first())).isTrue();
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
