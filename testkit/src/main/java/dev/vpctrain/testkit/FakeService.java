package dev.vpctrain.testkit;

import dev.vpctrain.testkit.internal.world.World;
import java.util.List;
import java.util.SortedSet;

/**
 * One fake service of a {@link FakeAws} ({@code aws.ec2()}, {@code aws.s3()}…): makes its
 * operations fail on demand and lists the calls it answered.
 *
 * <pre>{@code
 * aws.ec2().failNext("DescribeSubnets", AwsFault.throttling());
 * aws.s3().failAlways("GetBucketPolicy", AwsFault.accessDenied());
 * }</pre>
 *
 * A fault replaces one call attempt (the operation does not run) and reaches the caller as the
 * SDK would deliver it; the client's SDK retry strategy retries it when a real client would, and each
 * retry is another attempt that takes the next fault. Thread-safe.
 */
public final class FakeService {
  private final String name;
  private final World world;

  FakeService(String name, World world) {
    this.name = name;
    this.world = world;
  }

  /**
   * The service's name in the call log ({@code ec2}, {@code s3}, {@code efs}, {@code fsx}, {@code iam},
   * {@code monitoring}, {@code logs}).
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The operations of the fake, as the AWS API spells them ({@code DescribeSubnets}).
   *
   * @return the operation names, sorted
   */
  public SortedSet<String> operations() {
    return world.faults(name).operations();
  }

  /**
   * Fails the next attempt of {@code operation} with {@code fault} (after the faults already queued for it).
   *
   * @param operation the operation as the AWS API spells it, for example {@code DescribeSubnets}
   * @param fault the failure
   * @return this service
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeService failNext(String operation, AwsFault fault) {
    return failTimes(operation, 1, fault);
  }

  /**
   * Fails the next {@code times} attempts of {@code operation} with {@code fault}; later attempts run.
   *
   * @param operation the operation as the AWS API spells it
   * @param times how many attempts fail, at least 1
   * @param fault the failure
   * @return this service
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeService failTimes(String operation, int times, AwsFault fault) {
    if (times < 1) {
      throw new IllegalArgumentException("failTimes needs at least 1 call to fail, not " + times);
    }
    world.faults(name).add(operation, times, fault);
    return this;
  }

  /**
   * Fails every attempt of {@code operation} with {@code fault} until {@link #clearFaults()}.
   *
   * @param operation the operation as the AWS API spells it
   * @param fault the failure
   * @return this service
   * @throws IllegalArgumentException naming the valid operations when the fake has no {@code operation}
   */
  public FakeService failAlways(String operation, AwsFault fault) {
    world.faults(name).add(operation, -1, fault);
    return this;
  }

  /**
   * Removes every fault queued for the service's operations.
   *
   * @return this service
   */
  public FakeService clearFaults() {
    world.faults(name).clear(null);
    return this;
  }

  /**
   * The attempts the service answered, oldest first (a retried call appears once per attempt).
   *
   * @return the calls
   */
  public List<ApiCall> calls() {
    return world.calls().stream().filter(c -> c.service().equals(name)).toList();
  }

  @Override
  public String toString() {
    return "FakeService{" + name + "}";
  }
}
