package dev.vpctrain.core.network;

import dev.vpctrain.core.job.TrainingJobSpec;

/**
 * Where a job's network snapshot comes from: live discovery ({@code dev.vpctrain.aws}), a bundle file,
 * or a fake world in tests ({@code dev.vpctrain.testkit}). A lambda will do:
 * {@code job -> snapshot}.
 */
@FunctionalInterface
public interface NetworkSource {
  /**
   * {@return the snapshot of everything the job's preflight needs} Partial failures (a denied or
   * throttled call) are recorded in {@link NetworkSnapshot#errors()}, not thrown, so that the rules
   * needing that data report UNVERIFIED.
   *
   * @param job the training job whose VPC, subnets, security groups, buckets and role to capture
   */
  NetworkSnapshot snapshotFor(TrainingJobSpec job);
}
