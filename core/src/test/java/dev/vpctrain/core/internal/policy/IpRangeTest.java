package dev.vpctrain.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.network.Cidr;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpRangeTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      10.0.0.0/8          | 10.255.1.2        | true
      10.0.0.0/8          | 11.0.0.0          | false
      10.1.2.3/8          | 10.9.9.9          | true
      0.0.0.0/0           | 203.0.113.9       | true
      203.0.113.9         | 203.0.113.9       | true
      203.0.113.9/32      | 203.0.113.8       | false
      198.51.100.0/23     | 198.51.101.255    | true
      198.51.100.0/23     | 198.51.102.0      | false
      2001:db8::/32       | 2001:db8:ffff::1  | true
      2001:db8::/32       | 2001:db9::1       | false
      ::/0                | ::1               | true
      2001:db8::1/128     | 2001:DB8:0:0:0:0:0:1 | true
      fe80::/10           | febf::1           | true
      fe80::/10           | fec0::1           | false
      10.0.0.0/8          | ::ffff:10.1.2.3   | true
      64:ff9b::/96        | 64:ff9b::192.0.2.1 | true
      0.0.0.0/0           | 2001:db8::1       | false
      """)
  void containment(String cidr, String address, boolean expected) {
    Optional<Cidr> range = IpRange.parse(cidr);
    assertThat(range).as(cidr).isPresent();
    assertThat(range.get().covers(IpRange.parseAddress(address).orElseThrow())).isEqualTo(expected);
  }

  @Test
  void readsAnIpv4MappedAddressAsIpv4() {
    assertThat(IpRange.parseAddress("::ffff:10.1.2.3")).hasValue(Cidr.parseIpv4("10.1.2.3"));
    assertThat(IpRange.parse(" ::ffff:10.9.0.0/16 ")).hasValue(Cidr.parseIpv4("10.9.0.0/16"));
    assertThat(IpRange.parse("203.0.113.7")).hasValue(Cidr.parseIpv4("203.0.113.7/32"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "10.0.0", "10.0.0.256", "10.0.0.0/33", "10.0.0.0/", "10.0.0.0/x", "1.2.3.4.5", "a.b.c.d",
      "2001:db8:::1", "2001:db8::1::2", "12345::", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", "::/129", "g::1", "10.0.0.01234"})
  void rejectsMalformed(String text) {
    assertThat(IpRange.parse(text)).isEmpty();
  }
}
