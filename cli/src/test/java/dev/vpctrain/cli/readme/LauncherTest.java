package dev.vpctrain.cli.readme;

import static dev.vpctrain.testkit.assertions.VpcTrainAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import dev.vpctrain.testkit.junit.FakeAwsTest;
import org.junit.jupiter.api.Test;

// The README's testkit example, as it is printed there.
// tag::test[]
@FakeAwsTest
class LauncherTest {
  @Test void refusesToLaunchWithoutS3Endpoint(FakeAws aws) {
    aws.load(Scenarios.privateVpcWithoutS3Endpoint());
    var launcher = new MyLauncher(aws.sageMakerClient(), aws.ec2Client(), aws.s3Client());
    assertThatThrownBy(launcher::launchNightlyTraining).hasMessageContaining("s3.route.missing");
    assertThat(aws.sageMaker()).createdNoJobs();
  }
}
// end::test[]
