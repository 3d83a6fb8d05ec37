package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.rules.ShapeFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The job of {@link ShapeFixtures}: input channel "train" {@code s3://acme-ml-data/imagenet/train/}
 * (S3Prefix: GetObject and ListBucket) and output {@code s3://acme-ml-artifacts/resnet50/} (PutObject).
 */
class RoleS3AccessTest {
  private static final String DATA = "arn:aws:s3:::acme-ml-data";
  private static final String ARTIFACTS = "arn:aws:s3:::acme-ml-artifacts";
  private static final String READ = "{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\""
      + DATA + "/imagenet/train/*\"}";
  private static final String LIST = list("StringLike", "imagenet/train/*");
  private static final String WRITE = "{\"Sid\":\"Write\",\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\""
      + ARTIFACTS + "/resnet50/*\"}";
  private static final String S3_ALL = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}";
  private static final String BOUNDARY = "arn:aws:iam::123456789012:policy/Boundary";
  private static final String GUARD = "arn:aws:iam::123456789012:policy/Guard";

  private final RoleS3Access rule = new RoleS3Access();

  private static String list(String operator, String prefix) {
    return "{\"Sid\":\"List\",\"Effect\":\"Allow\",\"Action\":\"s3:ListBucket\",\"Resource\":\"" + DATA
        + "\",\"Condition\":{\"" + operator + "\":{\"s3:prefix\":\"" + prefix + "\"}}}";
  }

  /** Both buckets captured without a policy, unless {@code data} gives acme-ml-data's. */
  private static NetworkSnapshot network(IamRole role, String dataPolicy, ManagedPolicy... policies) {
    IamEvidence.Builder iam = IamEvidence.builder().addRole(role);
    for (ManagedPolicy p : policies) {
      iam.addPolicy(p);
    }
    return ShapeFixtures.network().iam(iam.build())
        .putBucket("acme-ml-data", bucket("acme-ml-data", dataPolicy))
        .putBucket("acme-ml-artifacts", bucket("acme-ml-artifacts", null))
        .putBucket("acme-ml-code", bucket("acme-ml-code", null))
        .build();
  }

  private static BucketFacts bucket(String name, String policy) {
    BucketFacts.Builder b = BucketFacts.builder().bucket(name).region("us-east-1");
    return (policy == null ? b.policyState(PolicyState.NONE) : b.policy(policy)).build();
  }

  private static ManagedPolicy managed(String arn, String document) {
    return ManagedPolicy.builder().arn(arn).document(document).build();
  }

  private List<Finding> judge(TrainingJobSpec job, NetworkSnapshot network) {
    return rule.evaluate(context(job, network));
  }

  private List<Finding> judge(String... statements) {
    return judge(job().build(), network(role(TRUST_SAGEMAKER, doc(statements)).build(), null));
  }

  /** A bucket policy of acme-ml-data allowing {@code principal} to read the channel. */
  private static String bucketPolicy(String principal) {
    return doc("{\"Sid\":\"ReadForTraining\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + principal + "\"},"
        + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"" + DATA + "\",\"" + DATA + "/*\"]}",
        "{\"Sid\":\"OnlyViaEndpoint\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"" + DATA
            + "/*\",\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60001\"}}}");
  }

  @Test
  void isAnErrorAndIsNotEvaluatedWithoutAnIamSection() {
    assertThat(rule.severity()).isEqualTo(Severity.ERROR);
    NetworkSnapshot n = network(role(TRUST_SAGEMAKER, doc(S3_ALL)).build(), null).withIam(Optional.empty());
    assertThat(judge(job().build(), n)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).startsWith("Not evaluated");
    });
  }

  @Test
  void passesWithGrantsScopedToThePrefixes() {
    assertThat(judge(READ, LIST, WRITE)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("2 locations").doesNotContain("role.policy.undecidable");
      assertThat(f.resources()).containsExactly(ROLE_ARN);
    });
    assertThat(judge("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}")).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }

  /** One row of the decision table: the finding of {@code location}, the S3 location the role cannot (or may not) use. */
  private record Row(String name, TrainingJobSpec job, NetworkSnapshot network, Outcome outcome, String location,
      List<String> says) {}

  @Test
  void decisionTable() {
    TrainingJobSpec j = job().build();
    List<Row> rows = new ArrayList<>();
    rows.add(new Row("boundary cuts the identity policy's allow", j,
        network(role(TRUST_SAGEMAKER, doc(S3_ALL)).permissionsBoundaryArn(BOUNDARY).build(), null,
            managed(BOUNDARY, doc(READ, LIST))),
        Outcome.FAIL, "s3://acme-ml-artifacts/resnet50/",
        List.of("may not write OutputDataConfig.S3OutputPath", "s3:PutObject on " + ARTIFACTS + "/resnet50/*",
            "the permissions boundary permissions boundary " + BOUNDARY + " does not")));
    rows.add(new Row("explicit deny in an attached managed policy", j,
        network(role(TRUST_SAGEMAKER, doc(S3_ALL)).attachedPolicyArns(List.of(GUARD)).build(), null,
            managed(GUARD, doc("{\"Sid\":\"NoData\",\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\""
                + DATA + "/*\"}"))),
        Outcome.FAIL, "s3://acme-ml-data/imagenet/train/",
        List.of("may not read input channel InputDataConfig[0] \"train\"", "explicitly denied by statement \"NoData\"",
            "managed policy " + GUARD, "Data download failed")));
    rows.add(new Row("NotAction allow with a deny", j,
        network(role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"}",
            "{\"Sid\":\"NoWrites\",\"Effect\":\"Deny\",\"Action\":\"s3:Put*\",\"Resource\":\"*\"}")).build(), null),
        Outcome.FAIL, "s3://acme-ml-artifacts/resnet50/",
        List.of("s3:PutObject on " + ARTIFACTS + "/resnet50/*: explicitly denied by statement \"NoWrites\"")));
    rows.add(new Row("bucket policy allows, no boundary: whether the bucket is the role's account's is unknown", j,
        network(role(TRUST_SAGEMAKER, doc(WRITE)).build(), bucketPolicy(ROLE_ARN)),
        Outcome.UNVERIFIED, "s3://acme-ml-data/imagenet/train/",
        List.of("allowed by statement \"ReadForTraining\"", "bucket policy of acme-ml-data",
            "whether bucket acme-ml-data is in account 123456789012 is not known")));
    rows.add(new Row("bucket policy allows while a boundary does not", j,
        network(role(TRUST_SAGEMAKER, doc(WRITE)).permissionsBoundaryArn(BOUNDARY).build(), bucketPolicy(ROLE_ARN),
            managed(BOUNDARY, doc(WRITE))),
        Outcome.UNVERIFIED, "s3://acme-ml-data/imagenet/train/",
        List.of("allowed only by the resource policy", "whether a boundary limits a resource-policy Allow")));
    rows.add(new Row("a bucket policy granting another account's role does not grant this one", j,
        network(role(TRUST_SAGEMAKER, doc(WRITE)).build(), bucketPolicy("arn:aws:iam::210987654321:role/Other")),
        Outcome.FAIL, "s3://acme-ml-data/imagenet/train/",
        List.of("neither the role's identity policies nor the resource policy allow it")));
    rows.add(new Row("the code package object", job().codePackage("s3://acme-ml-code/job/source/sourcedir.tar.gz").build(),
        network(role(TRUST_SAGEMAKER, doc(READ, LIST, WRITE)).build(), null),
        Outcome.FAIL, "s3://acme-ml-code/job/source/sourcedir.tar.gz",
        List.of("may not read the code package HyperParameters.sagemaker_submit_directory",
            "s3:GetObject on arn:aws:s3:::acme-ml-code/job/source/sourcedir.tar.gz:", "403 Forbidden")));
    rows.add(new Row("checkpoints need Get and List besides Put", job().checkpointUri("s3://acme-ml-artifacts/ckpt/").build(),
        network(role(TRUST_SAGEMAKER, doc(READ, LIST,
            "{\"Effect\":\"Allow\",\"Action\":\"s3:PutObject\",\"Resource\":\"" + ARTIFACTS + "/*\"}")).build(), null),
        Outcome.FAIL, "s3://acme-ml-artifacts/ckpt/",
        List.of("may not read CheckpointConfig.S3Uri", "s3:GetObject on " + ARTIFACTS + "/ckpt/*",
            "s3:ListBucket on " + ARTIFACTS + " (s3:prefix \"ckpt/\")",
            "ListObjectsV2 failed for s3://acme-ml-artifacts/ckpt/")));
    rows.add(new Row("the output needs PutObject", j,
        network(role(TRUST_SAGEMAKER, doc(READ, LIST, "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\""
            + ARTIFACTS + "/*\"}")).build(), null),
        Outcome.FAIL, "s3://acme-ml-artifacts/resnet50/",
        List.of("may not write OutputDataConfig.S3OutputPath", "cannot upload to s3://acme-ml-artifacts/resnet50/")));
    rows.add(new Row("ListBucket allowed for another prefix", j,
        network(role(TRUST_SAGEMAKER, doc(READ, list("StringLike", "imagenet/val/*"), WRITE)).build(), null),
        Outcome.FAIL, "s3://acme-ml-data/imagenet/train/",
        List.of("s3:ListBucket on " + DATA + " (s3:prefix \"imagenet/train/\"): not allowed")));
    rows.add(new Row("ListBucket allowed only for the bucket's root listing", j,
        network(role(TRUST_SAGEMAKER, doc(READ, list("StringEquals", ""), WRITE)).build(), null),
        Outcome.FAIL, "s3://acme-ml-data/imagenet/train/", List.of("s3:ListBucket on " + DATA)));
    rows.add(new Row("an attached policy without its document", j,
        network(role(TRUST_SAGEMAKER, doc(WRITE)).attachedPolicyArns(List.of(GUARD)).build(), null),
        Outcome.UNVERIFIED, "s3://acme-ml-data/imagenet/train/",
        List.of("managed policy " + GUARD, "is not among the snapshot's policies")));

    for (Row row : rows) {
      List<Finding> out = judge(row.job(), row.network());
      assertThat(out).as(row.name()).noneMatch(f -> f.outcome() == Outcome.PASS)
          .filteredOn(f -> f.resources().get(0).equals(row.location())).singleElement().satisfies(f -> {
        assertThat(f.outcome()).as(row.name()).isEqualTo(row.outcome());
        assertThat(f.resources()).as(row.name()).endsWith(ROLE_ARN);
        for (String s : row.says()) {
          assertThat(f.message()).as(row.name()).contains(s);
        }
      });
    }
  }

  @Test
  void theListBucketPrefixConditionDecides() {
    assertThat(judge(READ, list("StringLike", "imagenet/*"), WRITE)).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    assertThat(judge(READ, list("StringEquals", "imagenet/train/"), WRITE)).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    assertThat(judge(READ, list("StringEquals", "imagenet/train"), WRITE)).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.FAIL));
  }

  @Test
  void theRemediationGrantsExactlyTheMissingActionsWithThePrefixCondition() {
    TrainingJobSpec j = job().checkpointUri("s3://acme-ml-artifacts/ckpt/")
        .codePackage("s3://acme-ml-code/job/source/sourcedir.tar.gz").build();
    List<Finding> out = judge(j, network(role(TRUST_SAGEMAKER, doc(WRITE)).build(), null));
    assertThat(out).extracting(Finding::outcome).containsOnly(Outcome.FAIL);
    assertThat(out).hasSize(3);
    String input = out.get(0).remediation().orElseThrow();
    assertThat(input).startsWith("Attach this inline policy").contains("--policy-name vpctrain-sagemaker-s3")
        .contains("\"Action\": \"s3:GetObject\"", "\"Resource\": \"" + DATA + "/imagenet/train/*\"",
            "\"Action\": \"s3:ListBucket\"", "\"Resource\": \"" + DATA + "\"", "\"StringLike\"",
            "\"s3:prefix\": \"imagenet/train/*\"")
        .doesNotContain("PutObject", "AmazonSageMakerFullAccess");
    String checkpoint = out.get(1).remediation().orElseThrow();
    assertThat(checkpoint).contains("\"s3:prefix\": \"ckpt/*\"", ARTIFACTS + "/ckpt/*",
        "\"Sid\": \"SageMakerS3ReadWrite\"", "\"s3:GetObject\",\n        \"s3:PutObject\"");
    assertThat(out.get(1).message()).contains("may not read and write CheckpointConfig.S3Uri");
    String code = out.get(2).remediation().orElseThrow();
    assertThat(code).contains("\"Resource\": \"arn:aws:s3:::acme-ml-code/job/source/sourcedir.tar.gz\"")
        .doesNotContain("s3:ListBucket");
  }

  @Test
  void anExplicitDenySaysThatAnAllowCannotOverrideIt() {
    Finding f = judge(S3_ALL, "{\"Sid\":\"NoWrites\",\"Effect\":\"Deny\",\"Action\":\"s3:PutObject\",\"Resource\":\"*\"}")
        .get(0);
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.remediation().orElseThrow()).startsWith("Change the Deny statement");
  }

  @Test
  void aConditionWhoseValueCannotBeKnownIsLeftToRolePolicyUndecidable() {
    String viaEndpoint = "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":"
        + "{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60001\"}}}";
    NetworkSnapshot n = network(role(TRUST_SAGEMAKER, doc(viaEndpoint)).build(), null);
    RuleContext ctx = context(job().build(), n);
    assertThat(rule.evaluate(ctx)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.PASS);
      assertThat(f.message()).contains("3 requests").contains("left to role.policy.undecidable");
    });
    List<RoleCheck> checks = RoleS3Access.checks(ctx);
    assertThat(checks).hasSize(3).allSatisfy(c -> {
      assertThat(c.rule()).isEqualTo("role.s3.access");
      assertThat(c.isUndecidable()).isTrue();
      assertThat(c.decision().unknownKeys()).containsExactly("aws:SourceVpce");
    });
    assertThat(checks).extracting(RoleCheck::action).containsExactly("s3:GetObject", "s3:ListBucket", "s3:PutObject");
    assertThat(checks.get(1).request().context().get("s3:prefix").values()).containsExactly("imagenet/train/");
    assertThat(RoleS3Access.checks(ctx)).isSameAs(checks);
  }

  @Test
  void anUncapturedBucketPolicyLeavesARefusedRequestUnverified() {
    NetworkSnapshot n = network(role(TRUST_SAGEMAKER, doc(READ, LIST)).build(), null);
    NetworkSnapshot noArtifacts = n.withBuckets(java.util.Map.of("acme-ml-data", n.buckets().get("acme-ml-data")));
    assertThat(judge(job().build(), noArtifacts)).singleElement().satisfies(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.message()).contains("bucket policy of acme-ml-artifacts", "s3:GetBucketPolicy was not captured");
    });
  }

  @Test
  void anUnknownRoleIsUnverifiedAndAJobWithoutS3PassesWithoutChecks() {
    NetworkSnapshot n = ShapeFixtures.network().iam(IamEvidence.builder().build()).build();
    assertThat(judge(job().build(), n)).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED));
    assertThat(RoleS3Access.checks(context(job().build(), n))).isEmpty();
    TrainingJobSpec noS3 = job().inputChannels(List.of()).outputPath(null).build();
    assertThat(judge(noS3, network(role(TRUST_SAGEMAKER, doc(WRITE)).build(), null))).singleElement()
        .satisfies(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
  }
}
