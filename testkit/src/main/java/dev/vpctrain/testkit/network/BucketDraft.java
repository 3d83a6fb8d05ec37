package dev.vpctrain.testkit.network;

import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.PolicyState;
import java.util.Optional;

/** An S3 bucket of the world: its region (the world's by default) and its policy (none by default). */
public final class BucketDraft {
  final String name;
  private Optional<String> region = Optional.empty();
  private boolean regionSet;
  private PolicyState policyState = PolicyState.NONE;
  private Optional<String> policy = Optional.empty();

  BucketDraft(String name) {
    this.name = name;
  }

  BucketDraft(BucketFacts b) {
    this.name = b.bucket();
    this.region = b.region();
    this.regionSet = true;
    this.policyState = b.policyState();
    this.policy = b.policy();
  }

  /**
   * Sets the bucket's region.
   *
   * @param region the AWS region
   * @return this draft
   */
  public BucketDraft region(String region) {
    this.region = Optional.of(region);
    this.regionSet = true;
    return this;
  }

  /**
   * The bucket policy JSON.
   *
   * @param policyJson the policy document (JSON)
   * @return this draft
   */
  public BucketDraft policy(String policyJson) {
    this.policy = Optional.of(policyJson);
    this.policyState = PolicyState.PRESENT;
    return this;
  }

  /**
   * No bucket policy ({@code NoSuchBucketPolicy}).
   *
   * @return this draft
   */
  public BucketDraft noPolicy() {
    this.policy = Optional.empty();
    this.policyState = PolicyState.NONE;
    return this;
  }

  /**
   * The policy cannot be read (the fake answers {@code AccessDenied}).
   *
   * @return this draft
   */
  public BucketDraft policyUnreadable() {
    this.policy = Optional.empty();
    this.policyState = PolicyState.UNKNOWN;
    return this;
  }

  BucketFacts build(String defaultRegion) {
    return BucketFacts.builder()
        .bucket(name)
        .region(regionSet ? region : Optional.of(defaultRegion))
        .policyState(policyState)
        .policy(policy)
        .build();
  }
}
