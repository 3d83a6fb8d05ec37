package dev.vpctrain.aws.testing;

import dev.vpctrain.core.network.NetworkSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What {@link FakeAwsServer} serves: an EC2 world given as a {@link NetworkSnapshot} (absent
 * sections serve as empty), S3 buckets, and the largest page EC2 returns before a {@code nextToken}.
 */
public final class FakeAccount {
  /** One bucket: its raw {@code LocationConstraint} (null: the empty element of us-east-1) and policy (null: none). */
  public record Bucket(String locationConstraint, String policy) {}

  private final NetworkSnapshot network;
  private final Map<String, Bucket> buckets;
  private final int pageSize;

  private FakeAccount(NetworkSnapshot network, Map<String, Bucket> buckets, int pageSize) {
    this.network = Objects.requireNonNull(network);
    this.buckets = Map.copyOf(buckets);
    this.pageSize = pageSize;
  }

  public static FakeAccount of(NetworkSnapshot network) {
    return new FakeAccount(network, Map.of(), 1000);
  }

  public FakeAccount withBucket(String name, String locationConstraint, String policy) {
    Map<String, Bucket> copy = new LinkedHashMap<>(buckets);
    copy.put(name, new Bucket(locationConstraint, policy));
    return new FakeAccount(network, copy, pageSize);
  }

  public FakeAccount withPageSize(int pageSize) {
    return new FakeAccount(network, buckets, pageSize);
  }

  public NetworkSnapshot network() {
    return network;
  }

  public Map<String, Bucket> buckets() {
    return buckets;
  }

  public int pageSize() {
    return pageSize;
  }
}
