package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.PrefixList;
import java.util.List;

/** The AWS-managed prefix lists a fresh fake network starts with. */
final class KnownPrefixLists {
  private KnownPrefixLists() {}

  /**
   * The prefix list of {@code service} in {@code region}: the real id and ranges for
   * {@code us-east-1} S3 and DynamoDB; elsewhere a stable made-up id with illustrative ranges.
   */
  static PrefixList of(String region, String service) {
    String name = "com.amazonaws." + region + "." + service;
    if (region.equals("us-east-1") && service.equals("s3")) {
      return PrefixList.builder().prefixListId("pl-63a5400a").prefixListName(name)
          .cidrs(List.of("3.5.0.0/19", "16.15.176.0/20", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16"))
          .build();
    }
    if (region.equals("us-east-1") && service.equals("dynamodb")) {
      return PrefixList.builder().prefixListId("pl-02cd2c6b").prefixListName(name)
          .cidrs(List.of("3.218.180.0/22", "52.94.0.0/22")).build();
    }
    String id = String.format("pl-%08x", name.hashCode());
    List<String> cidrs = service.equals("s3") ? List.of("3.5.0.0/19", "52.92.0.0/17") : List.of("52.94.0.0/22");
    return PrefixList.builder().prefixListId(id).prefixListName(name).cidrs(cidrs).build();
  }
}
