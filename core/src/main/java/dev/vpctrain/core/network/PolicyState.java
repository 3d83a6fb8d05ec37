package dev.vpctrain.core.network;

/** What the snapshot knows of a resource policy (an S3 bucket policy, an EFS file system policy). */
public enum PolicyState {
  /** Not captured (or the read failed): rules that need it are UNVERIFIED. */
  UNKNOWN,
  /** No policy: the bucket has none ({@code NoSuchBucketPolicy}), the file system has the default ({@code PolicyNotFound}). */
  NONE,
  /** The policy is in {@link BucketFacts#policy()} or {@link EfsFileSystemPolicy#policy()}. */
  PRESENT
}
