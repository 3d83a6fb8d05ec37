package dev.vpctrain.core.network;

/** What the snapshot knows of a bucket policy. */
public enum PolicyState {
  /** Not captured (or the read failed): rules that need it are UNVERIFIED. */
  UNKNOWN,
  /** The bucket has no policy ({@code NoSuchBucketPolicy}). */
  NONE,
  /** The bucket has the policy in {@link BucketFacts#policy()}. */
  PRESENT
}
