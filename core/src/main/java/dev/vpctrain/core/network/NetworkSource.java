package dev.vpctrain.core.network;

import dev.vpctrain.core.job.TrainingJobSpec;

/** Where a job's network snapshot comes from: live discovery, a bundle file, or a fake world. */
@FunctionalInterface
public interface NetworkSource {
  /**
   * {@return the snapshot of everything the job's preflight needs} Partial failures are recorded in it, not thrown.
   *
   * @param job the training job
   */
  NetworkSnapshot snapshotFor(TrainingJobSpec job);
}
