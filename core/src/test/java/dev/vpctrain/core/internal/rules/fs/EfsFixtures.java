package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.fixtures.SgFixtures.VPC;
import static dev.vpctrain.core.fixtures.SgFixtures.all;
import static dev.vpctrain.core.fixtures.SgFixtures.sg;
import static dev.vpctrain.core.fixtures.SgFixtures.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;

/** An EFS file system with a mount target in each job subnet's zone, reachable on 2049 from the job. */
final class EfsFixtures {
  static final String FS = "fs-0a1b2c3d4e5f60601";
  static final String SG_EFS = "sg-0a1b2c3d4e5f60404";
  static final String MT_A = "fsmt-0a1b2c3d4e5f60701";
  static final String MT_B = "fsmt-0a1b2c3d4e5f60702";

  private EfsFixtures() {}

  static EfsMountTarget mt(String id, String subnet, String az, String ip) {
    return EfsMountTarget.builder().mountTargetId(id).fileSystemId(FS).subnetId(subnet).vpcId(VPC)
        .availabilityZoneName(az).lifeCycleState("available").ipAddress(ip).build();
  }

  static SecurityGroup trainingGroup() {
    SecurityGroup g = SgFixtures.readyTrainingGroup();
    return g.withEgress(List.of(all(SG_TRAINING), tcp(443, 443, "10.20.0.0/16"), tcp(2049, 2049, SG_EFS)));
  }

  static SecurityGroup efsGroup(String source) {
    return sg(SG_EFS, List.of(tcp(2049, 2049, source)), List.of());
  }

  static NetworkSnapshot.Builder network(List<EfsMountTarget> targets) {
    return SgFixtures.network(trainingGroup())
        .securityGroups(List.of(trainingGroup(), SgFixtures.endpointGroup(), efsGroup(SG_TRAINING)))
        .efsFileSystems(List.of(EfsFileSystem.builder().fileSystemId(FS).lifeCycleState("available")
            .fileSystemArn("arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/" + FS)
            .numberOfMountTargets(targets.size()).build()))
        .efsMountTargets(targets)
        .putEfsMountTargetSecurityGroup(MT_A, List.of(SG_EFS))
        .putEfsMountTargetSecurityGroup(MT_B, List.of(SG_EFS))
        .putEfsFileSystemPolicy(FS, EfsFileSystemPolicy.builder().fileSystemId(FS).policyState(PolicyState.NONE).build());
  }

  static NetworkSnapshot ready() {
    return network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"), mt(MT_B, SUBNET_B, "us-east-1b", "10.20.2.20"))).build();
  }

  /** The rule's findings for the ready job with access mode {@code mode} on {@code n}. */
  static List<Finding> run(Rule rule, NetworkSnapshot n, String mode) {
    return rule.evaluate(RuleContext.of(job(mode), n));
  }

  /** The rule's only finding for the read-only job on {@code n}. */
  static Finding only(Rule rule, NetworkSnapshot n) {
    List<Finding> f = run(rule, n, "ro");
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  static TrainingJobSpec job(String accessMode) {
    return SgFixtures.jobBuilder().addInputChannel(InputChannel.builder().name("efs").fileSystemId(FS)
        .fileSystemType("EFS").directoryPath("/train").fileSystemAccessMode(accessMode).build()).build();
  }
}
