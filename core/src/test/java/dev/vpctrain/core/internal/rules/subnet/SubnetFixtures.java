package dev.vpctrain.core.internal.rules.subnet;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;

/** Two job subnets with a given number of free IPs, and a job of a type and count in them. */
final class SubnetFixtures {
  private SubnetFixtures() {}

  static TestNetworks.Builder net(int freeA, int freeB) {
    return TestNetworks.privateVpc()
        .subnet("subnet-a", "us-east-1a", "10.20.1.0/24", freeA)
        .subnet("subnet-b", "us-east-1b", "10.20.2.0/24", freeB);
  }

  static TrainingJobSpec job(String type, int count) {
    return TestJobs.job("subnet-a", "subnet-b").instanceType(type).instanceCount(count).build();
  }
}
