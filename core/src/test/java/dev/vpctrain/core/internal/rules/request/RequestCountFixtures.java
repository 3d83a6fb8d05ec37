package dev.vpctrain.core.internal.rules.request;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Lists of distinct, well-formed subnet and security group ids for the count rules' tests. */
final class RequestCountFixtures {
  private RequestCountFixtures() {}

  static List<String> subnets(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("subnet-%017x", i)).collect(Collectors.toList());
  }

  static List<String> groups(int n) {
    return IntStream.range(0, n).mapToObj(i -> String.format("sg-%017x", i)).collect(Collectors.toList());
  }
}
