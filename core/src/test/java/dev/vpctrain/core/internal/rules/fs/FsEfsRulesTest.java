package dev.vpctrain.core.internal.rules.fs;

import static dev.vpctrain.core.fixtures.SgFixtures.SG_TRAINING;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_A;
import static dev.vpctrain.core.fixtures.SgFixtures.SUBNET_B;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.FS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.MT_A;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.SG_EFS;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.job;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.mt;
import static dev.vpctrain.core.internal.rules.fs.EfsFixtures.ready;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.fixtures.SgFixtures;
import dev.vpctrain.core.network.EfsFileSystemPolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.Rule;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The four fs.efs.* rules: FAIL, PASS and UNVERIFIED cases. */
class FsEfsRulesTest {
  private static List<Finding> run(Rule rule, NetworkSnapshot n, String mode) {
    return rule.evaluate(RuleContext.of(job(mode), n));
  }

  private static Finding only(Rule rule, NetworkSnapshot n) {
    List<Finding> f = run(rule, n, "ro");
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  @Test
  void everyRulePassesOnTheReadyNetworkAndWithoutEfs() {
    for (Rule r : List.of(new FsEfsMountTargetMissing(), new FsEfsMountTargetAz(), new FsEfsSecurityGroup(),
        new FsEfsFileSystemPolicy())) {
      assertThat(only(r, ready()).outcome()).as(r.id()).isEqualTo(Outcome.PASS);
      assertThat(r.evaluate(RuleContext.of(SgFixtures.job(), ready()))).singleElement()
          .satisfies(f -> assertThat(f.message()).contains("no EFS channel"));
    }
  }

  @Test
  void missingFailsWithoutAvailableMountTargetsAndIsUnverifiedWhenUnknown() {
    NetworkSnapshot none = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20")
        .withLifeCycleState("creating"))).build();
    Finding f = only(new FsEfsMountTargetMissing(), none);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains(MT_A + " is creating");
    assertThat(f.remediation().orElseThrow()).contains("aws efs create-mount-target --file-system-id " + FS
        + " --subnet-id " + SUBNET_A).contains("--subnet-id " + SUBNET_B);
    assertThat(f.resources()).contains(SUBNET_A, FS);

    Finding u = only(new FsEfsMountTargetMissing(), ready().withEfsMountTargets(Optional.empty()));
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("DescribeMountTargets");
  }

  @Test
  void azIsUnverifiedNamingTheSubnetWithoutAMountTargetInItsZone() {
    NetworkSnapshot onlyA = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"))).build();
    Finding f = only(new FsEfsMountTargetAz(), onlyA);
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.resources()).containsExactly(SUBNET_B, FS, MT_A);
    assertThat(f.message()).contains("Job subnet " + SUBNET_B + " is in us-east-1b");
    assertThat(f.remediation().orElseThrow()).contains("--subnet-id " + SUBNET_B + " --security-groups " + SG_EFS);
    // the same network passes the missing rule: the VPC has a mount target
    assertThat(only(new FsEfsMountTargetMissing(), onlyA).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void securityGroupFailsWhenTheMountTargetAdmitsAnotherGroup() {
    NetworkSnapshot n = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"),
        mt(EfsFixtures.MT_B, SUBNET_B, "us-east-1b", "10.20.2.20"))).build();
    n = n.withSecurityGroups(List.of(EfsFixtures.trainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup("sg-0a1b2c3d4e5f60499")));
    List<Finding> f = run(new FsEfsSecurityGroup(), n, "ro");
    assertThat(f).hasSize(2).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.resources()).contains(FS, SG_EFS);
      assertThat(x.remediation().orElseThrow()).contains("aws ec2 authorize-security-group-ingress --group-id " + SG_EFS
          + " --ip-permissions 'IpProtocol=tcp,FromPort=2049,ToPort=2049,UserIdGroupPairs=[{GroupId=" + SG_TRAINING + "}]'");
    });
    assertThat(f.get(0).resources()).startsWith(SUBNET_A, FS, MT_A);
  }

  @Test
  void securityGroupAcceptsACidrCoveringTheSubnetAndFailsOnMissingEgress() {
    NetworkSnapshot cidr = ready().withSecurityGroups(List.of(EfsFixtures.trainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup("10.20.0.0/16")));
    assertThat(only(new FsEfsSecurityGroup(), cidr).outcome()).isEqualTo(Outcome.PASS);
    NetworkSnapshot noEgress = ready().withSecurityGroups(List.of(SgFixtures.readyTrainingGroup(), SgFixtures.endpointGroup(),
        EfsFixtures.efsGroup(SG_TRAINING)));
    List<Finding> f = run(new FsEfsSecurityGroup(), noEgress, "ro");
    assertThat(f).allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.FAIL);
      assertThat(x.remediation().orElseThrow()).contains("authorize-security-group-egress --group-id " + SG_TRAINING);
    });
  }

  @Test
  void securityGroupIsUnverifiedWithoutTheMountTargetsGroups() {
    NetworkSnapshot n = EfsFixtures.network(List.of(mt(MT_A, SUBNET_A, "us-east-1a", "10.20.1.20"),
        mt(EfsFixtures.MT_B, SUBNET_B, "us-east-1b", "10.20.2.20"))).efsMountTargetSecurityGroups(java.util.Map.of()).build();
    List<Finding> f = run(new FsEfsSecurityGroup(), n, "ro");
    assertThat(f).isNotEmpty().allSatisfy(x -> {
      assertThat(x.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(x.message()).contains("DescribeMountTargetSecurityGroups has no entry");
    });
  }

  private static NetworkSnapshot withPolicy(String policy) {
    return ready().withEfsFileSystemPolicies(java.util.Map.of(FS, EfsFileSystemPolicy.builder().fileSystemId(FS)
        .policy(policy).build()));
  }

  @Test
  void policyPassesOnlyForAnUnconditionalOpenPolicy() {
    String mountOnly = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
        + "\"Action\":\"elasticfilesystem:ClientMount\"}]}";
    assertThat(run(new FsEfsFileSystemPolicy(), withPolicy(mountOnly), "ro").get(0).outcome()).isEqualTo(Outcome.PASS);
    Finding rw = run(new FsEfsFileSystemPolicy(), withPolicy(mountOnly), "rw").get(0);
    assertThat(rw.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(rw.message()).contains("elasticfilesystem:ClientWrite");

    String tls = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":[\"elasticfilesystem:ClientMount\","
        + "\"elasticfilesystem:ClientWrite\"],\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}";
    Finding u = run(new FsEfsFileSystemPolicy(), withPolicy(tls), "ro").get(0);
    assertThat(u.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(u.message()).contains("aws:SecureTransport");
    assertThat(u.resources()).containsExactly(FS);

    String withDeny = mountOnly.replace("}]}", "},{\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"elasticfilesystem:ClientRootAccess\"}]}");
    assertThat(run(new FsEfsFileSystemPolicy(), withPolicy(withDeny), "ro").get(0).outcome()).isEqualTo(Outcome.UNVERIFIED);
  }

  @Test
  void policyIsUnverifiedWhenUnreadableOrNotCaptured() {
    Finding bad = run(new FsEfsFileSystemPolicy(), withPolicy("{\"Statement\": [ {\"Effect\": 3} ]"), "ro").get(0);
    assertThat(bad.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(bad.message()).contains("cannot be read").contains("line 1");
    Finding none = run(new FsEfsFileSystemPolicy(), ready().withEfsFileSystemPolicies(java.util.Map.of()), "ro").get(0);
    assertThat(none.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(none.message()).contains("DescribeFileSystemPolicy");
  }
}
