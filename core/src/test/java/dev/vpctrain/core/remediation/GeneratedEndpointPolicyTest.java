package dev.vpctrain.core.remediation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.job.S3Access;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.internal.policy.Caller;
import dev.vpctrain.core.internal.policy.Decision;
import dev.vpctrain.core.internal.policy.DecisionType;
import dev.vpctrain.core.internal.policy.Policy;
import dev.vpctrain.core.internal.policy.PolicyRequest;
import dev.vpctrain.core.internal.policy.RequestContext;
import dev.vpctrain.core.internal.policy.Target;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated S3 endpoint policy, judged by the policy evaluator (not by its text): every request
 * the job makes is allowed, nothing next to them is, and the Amazon Linux repositories are denied.
 */
class GeneratedEndpointPolicyTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerTraining";

  static Stream<TrainingJobSpec> jobs() {
    TrainingJobSpec base = PlanFixtures.job();
    return Stream.of(
        base,
        base.toBuilder().name("with-checkpoints").checkpointUri("s3://acme-ml-ckpt/resnet50/run-7/").build(),
        base.toBuilder().name("two-channels-one-bucket").inputChannel("val", "s3://acme-ml-data/imagenet/val/")
            .outputPath("s3://acme-ml-data/output/").build(),
        base.toBuilder().name("manifest").inputChannel("manifest", "s3://acme-ml-data/manifests/train.json", "ManifestFile")
            .build(),
        base.toBuilder().name("whole-bucket").inputChannel("all", "s3://acme-whole-bucket/").build(),
        base.toBuilder().name("code-package").codePackage("s3://acme-ml-code/resnet50/source/sourcedir.tar.gz").build(),
        base.toBuilder().name("code-package-beside-data").codePackage("s3://acme-ml-data/code/sourcedir.tar.gz").build());
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void everyRequestOfTheJobIsAllowed(TrainingJobSpec job) {
    Policy policy = generated(job);
    assertThat(job.s3Accesses()).isNotEmpty();
    for (S3Access a : job.s3Accesses()) {
      for (String action : a.actions()) {
        Decision d = policy.evaluate(jobRequest(a, action));
        assertThat(d.type()).as(action + " for " + a).isEqualTo(DecisionType.ALLOW);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void nothingBesideTheJobsRequestsIsAllowed(TrainingJobSpec job) {
    Policy policy = generated(job);
    for (S3Access a : job.s3Accesses()) {
      String bucket = a.location().bucket();
      String key = a.location().key();
      // another bucket, with the same key
      assertNotAllowed(policy, object("s3:GetObject", "acme-other-bucket", key));
      assertNotAllowed(policy, list("acme-other-bucket", key));
      // the same bucket outside the job's prefix (unless the job uses the whole bucket)
      if (!key.isEmpty()) {
        assertNotAllowed(policy, object("s3:GetObject", bucket, "elsewhere/"));
        assertNotAllowed(policy, list(bucket, "elsewhere/"));
        assertNotAllowed(policy, listWithoutPrefix(bucket));
      }
      // the code package is one object: not its neighbours, not a listing
      if (a.isObject()) {
        assertNotAllowed(policy, exactObject("s3:GetObject", bucket, key + ".bak"));
        assertNotAllowed(policy, exactObject("s3:GetObject", bucket, key.substring(0, key.lastIndexOf('/') + 1) + "other.tar.gz"));
        assertNotAllowed(policy, list(bucket, key));
      }
      // actions the job never makes
      for (String action : List.of("s3:DeleteObject", "s3:PutObjectAcl", "s3:GetObjectAcl", "s3:PutBucketPolicy",
          "s3:DeleteBucket", "s3:GetBucketPolicy")) {
        assertNotAllowed(policy, object(action, bucket, key));
        assertNotAllowed(policy, PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action(action)
            .resource("arn:aws:s3:::" + bucket).context(RequestContext.builder().undeclaredKeysAbsent().build()).build());
      }
      // a read-only location is not writable
      boolean writes = job.s3Accesses().stream().anyMatch(x -> x.writes() && x.location().bucket().equals(bucket)
          && key.startsWith(x.location().key()));
      if (!writes) {
        assertNotAllowed(policy, object("s3:PutObject", bucket, key));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void theAmazonLinuxRepositoriesAreDeniedToEveryone(TrainingJobSpec job) {
    Policy policy = generated(job);
    for (String bucket : List.of("packages.us-east-1.amazonaws.com", "repo.us-east-1.amazonaws.com",
        "amazonlinux.us-east-1.amazonaws.com", "packages.eu-west-1.amazonaws.com")) {
      for (Caller caller : List.of(Caller.anonymous(), Caller.assumedRole(ROLE))) {
        Decision d = policy.evaluate(PolicyRequest.builder().caller(caller).action("s3:GetObject")
            .resource(Target.startingWith("arn:aws:s3:::" + bucket + "/"))
            .context(RequestContext.builder().undeclaredKeysAbsent().build()).build());
        assertThat(d.type()).as(bucket + " for " + caller).isEqualTo(DecisionType.EXPLICIT_DENY);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("jobs")
  void policyMergedIntoAnExistingOneStillAllowsTheJob(TrainingJobSpec job) {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Other\",\"Effect\":\"Allow\",\"Principal\":\"*\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::unrelated/*\"}]}";
    String merged = Policies.merge(java.util.Optional.of(existing), Policies.jobAllowStatements(job, "aws"), "p");
    Policy policy = Policy.parse(merged, "merged");
    for (S3Access a : job.s3Accesses()) {
      for (String action : a.actions()) {
        assertThat(policy.evaluate(jobRequest(a, action)).type()).as(action + " for " + a).isEqualTo(DecisionType.ALLOW);
      }
    }
    assertThat(policy.evaluate(object("s3:GetObject", "unrelated", "x")).type()).isEqualTo(DecisionType.ALLOW);
  }

  @org.junit.jupiter.api.Test
  void aTuningJobsScopeAllowsTheRequestsOfEveryDefinition() {
    TrainingJobSpec base = PlanFixtures.job();
    TrainingJobSpec other = base.toBuilder().inputChannels(java.util.List.of())
        .inputChannel("train", "s3://acme-other-data/set/").outputPath("s3://acme-other-out/run/").build();
    dev.vpctrain.core.job.TuningJobSpec tuning = dev.vpctrain.core.job.TuningJobSpec.builder().name("hpo")
        .maxParallelTrainingJobs(2).addDefinitions(base, other).build();
    Policy policy = generated(tuning.scope());
    for (TrainingJobSpec d : tuning.definitions()) {
      for (S3Access a : d.s3Accesses()) {
        for (String action : a.actions()) {
          assertThat(policy.evaluate(jobRequest(a, action)).type()).as(action + " for " + a + " of " + d.definitionName())
              .isEqualTo(DecisionType.ALLOW);
        }
      }
    }
  }

  static Policy generated(TrainingJobSpec job) {
    return Policy.parse(Policies.leastPrivilegeEndpointPolicy(job, "aws"), "generated endpoint policy of " + job.name());
  }

  /** The job's request for {@code action} on {@code a}: every object under its prefix (or the one object), or listing that prefix. */
  static PolicyRequest jobRequest(S3Access a, String action) {
    if (action.equals("s3:ListBucket")) {
      return list(a.location().bucket(), a.location().key());
    }
    if (a.isObject()) {
      return exactObject(action, a.location().bucket(), a.location().key());
    }
    return PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action(action)
        .resource(Target.startingWith("arn:aws:s3:::" + a.location().bucket() + "/" + a.location().key()))
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).build();
  }

  static PolicyRequest object(String action, String bucket, String key) {
    return PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action(action)
        .resource(Target.startingWith("arn:aws:s3:::" + bucket + "/" + key))
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).build();
  }

  static PolicyRequest exactObject(String action, String bucket, String key) {
    return PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action(action)
        .resource(Target.exact("arn:aws:s3:::" + bucket + "/" + key))
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).build();
  }

  static PolicyRequest list(String bucket, String prefix) {
    return PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action("s3:ListBucket").resource("arn:aws:s3:::" + bucket)
        .context(RequestContext.builder().put("s3:prefix", prefix).undeclaredKeysAbsent().build()).build();
  }

  static PolicyRequest listWithoutPrefix(String bucket) {
    return PolicyRequest.builder().caller(Caller.assumedRole(ROLE)).action("s3:ListBucket").resource("arn:aws:s3:::" + bucket)
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).build();
  }

  static void assertNotAllowed(Policy policy, PolicyRequest request) {
    Decision d = policy.evaluate(request);
    assertThat(d.type()).as(request.toString()).isIn(DecisionType.IMPLICIT_DENY, DecisionType.EXPLICIT_DENY);
  }
}
