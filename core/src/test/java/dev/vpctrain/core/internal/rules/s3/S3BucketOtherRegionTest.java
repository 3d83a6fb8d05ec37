package dev.vpctrain.core.internal.rules.s3;

import static dev.vpctrain.core.fixtures.TestRules.evaluate;
import static dev.vpctrain.core.fixtures.TestRules.single;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.TestJobs;
import dev.vpctrain.core.fixtures.TestNetworks;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3BucketOtherRegionTest {
  private final S3BucketOtherRegion rule = new S3BucketOtherRegion();
  private static final TrainingJobSpec JOB = TestJobs.job("subnet-a").build();

  @Test
  void passWhenEveryBucketIsHome() {
    var net = TestNetworks.ready().bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "us-east-1");
    assertThat(single(rule, JOB, net.build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void failWhenTheOnlyPathIsAGatewayEndpoint() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    Finding f = single(rule, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).containsExactly("acme-ml-artifacts", "subnet-a", TestNetworks.MAIN_RTB);
    assertThat(f.message()).contains("acme-ml-artifacts (OutputDataConfig.S3OutputPath) is in eu-west-1")
        .contains("only S3 path is gateway endpoint vpce-s3, which serves S3 in us-east-1 only");
    assertThat(f.remediation().get()).contains("--nat-gateway-id");
  }

  @Test
  void passWhenANatPathExists() {
    var net = TestNetworks.ready().bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    Finding f = single(rule, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("NAT path");
  }

  @Test
  void inputDataInAnotherRegionFailsWhateverThePath() {
    var net = TestNetworks.ready().bucket("acme-ml-data", "eu-west-1").bucket("acme-ml-artifacts", "us-east-1");
    Finding f = single(rule, JOB, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("Input bucket acme-ml-data").contains("requires input data in the job's region");
    assertThat(f.remediation().get()).contains("aws s3 sync s3://acme-ml-data/train/");
  }

  @Test
  void unknownRegionIsUnverified() {
    var net = TestNetworks.ready().bucket("acme-ml-data", "us-east-1")
        .failed(Section.VPCS, "x"); // unrelated failure, region still unknown for the artifacts bucket
    List<Finding> out = evaluate(rule, JOB, net.build());
    assertThat(out).hasSize(1);
    assertThat(out.get(0).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(out.get(0).message()).contains("acme-ml-artifacts").contains("was not captured");
  }

  @Test
  void recordedLocationErrorIsNamed() {
    var b = dev.vpctrain.core.network.NetworkSnapshot.builder().from(TestNetworks.ready().bucket("acme-ml-data", "us-east-1").build())
        .addError(CaptureError.builder().operation("s3:GetBucketLocation").code("AccessDenied").message("Access Denied")
            .resource("acme-ml-artifacts").build()).build();
    Finding f = single(rule, JOB, b);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("s3:GetBucketLocation on acme-ml-artifacts failed during capture with AccessDenied");
  }

  @Test
  void unmodeledPathToAnotherRegionIsUnverified() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB).mainRouteTable(rt -> rt.route("0.0.0.0/0", "tgw-1"))
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    assertThat(single(rule, JOB, net.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void aSubnetWithoutAnyS3PathIsLeftToTheRouteRules() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    assertThat(single(rule, JOB, net.build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anUnknownHomePathIsUnverified() {
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .mainRouteTable(rt -> rt.route("0.0.0.0/0", "nat-a")).without(Section.NAT_GATEWAYS)
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    assertThat(single(rule, JOB, net.build()).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void outsideAVpcOnlyTheInputRegionMatters() {
    var net = TestNetworks.privateVpc().bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "eu-west-1");
    assertThat(single(rule, TestJobs.jobWithoutVpc().build(), net.build()).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aCodePackageInAnotherRegionFailsBehindAGatewayEndpointAlone() {
    TrainingJobSpec job = TestJobs.job("subnet-a").codePackage("s3://acme-ml-code-eu/src/sourcedir.tar.gz").build();
    var net = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "us-east-1").bucket("acme-ml-code-eu", "eu-west-1");
    Finding f = single(rule, job, net.build());
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.resources()).startsWith("acme-ml-code-eu");
    assertThat(f.message()).contains("acme-ml-code-eu (HyperParameters.sagemaker_submit_directory) is in eu-west-1");
    var home = TestNetworks.privateVpc().subnet("subnet-a", "us-east-1a", "10.20.1.0/24", 100)
        .s3GatewayEndpoint("vpce-s3", TestNetworks.MAIN_RTB)
        .bucket("acme-ml-data", "us-east-1").bucket("acme-ml-artifacts", "us-east-1").bucket("acme-ml-code-eu", "us-east-1");
    assertThat(single(rule, job, home.build()).outcome()).isEqualTo(Outcome.PASS);
  }
}
