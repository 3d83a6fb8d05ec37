package dev.vpctrain.aws.launch;

import java.time.Clock;

/**
 * Implemented by SDK clients whose service runs on simulated time, such as the testkit's fake
 * clients: {@link dev.vpctrain.aws.VpcTrain} and {@link JobWatcher} built with such a
 * {@code SageMakerClient} and no clock or sleeper of their own wait on the client's, so a test never
 * sleeps in real time.
 */
public interface SimulatedTime {
  /**
   * The service's clock.
   *
   * @return the clock
   */
  Clock simulatedClock();

  /**
   * A sleeper that spends its waits on {@link #simulatedClock()} and returns at once.
   *
   * @return the sleeper
   */
  Sleeper simulatedSleeper();
}
