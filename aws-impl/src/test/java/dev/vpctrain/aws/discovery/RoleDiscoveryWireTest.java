package dev.vpctrain.aws.discovery;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vpctrain.aws.discovery.GoldenAccount.NOW;
import static dev.vpctrain.aws.testing.IamWire.VERSION;
import static dev.vpctrain.aws.testing.IamWire.error;
import static dev.vpctrain.aws.testing.IamWire.form;
import static dev.vpctrain.aws.testing.IamWire.response;
import static dev.vpctrain.aws.testing.IamWire.stubIam;
import static dev.vpctrain.aws.testing.IamWire.stubKms;
import static dev.vpctrain.aws.testing.IamWire.urlEncoded;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vpctrain.aws.bundle.SnapshotBundle;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.IamWire;
import dev.vpctrain.aws.testing.Networks;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.CaptureError;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.report.PreflightReport;
import dev.vpctrain.core.rules.RuleEngine;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Live discovery of the execution role and its KMS keys against hand-written fixtures of the exact
 * wire protocols: IAM query (form bodies {@code Action=GetRole&Version=2010-05-08&RoleName=…}, XML in
 * the {@code 2010-05-08} namespace, URL-encoded policy documents, {@code Marker}/{@code IsTruncated}
 * pages, {@code <ErrorResponse><Error><Type>Sender</Type><Code>NoSuchEntity</Code>…}) and KMS JSON 1.1
 * ({@code X-Amz-Target: TrentService.…}). What it captures, written as the snapshot bundle and read
 * back, gives the same report.
 */
class RoleDiscoveryWireTest {
  static final String ROLE = "SageMakerTrainingRole";
  static final String ROLE_ARN = "arn:aws:iam::" + Networks.ACCOUNT + ":role/" + ROLE;
  static final String DATA_POLICY = "arn:aws:iam::" + Networks.ACCOUNT + ":policy/training-data";
  static final String BOUNDARY = "arn:aws:iam::" + Networks.ACCOUNT + ":policy/ml-boundary";
  static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  static final String KEY_ARN = "arn:aws:kms:us-east-1:" + Networks.ACCOUNT + ":key/" + KEY_ID;

  static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String VPC_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Vpc\",\"Effect\":\"Allow\","
      + "\"Action\":[\"ec2:CreateNetworkInterface\",\"ec2:CreateNetworkInterfacePermission\","
      + "\"ec2:DeleteNetworkInterface\",\"ec2:DeleteNetworkInterfacePermission\",\"ec2:DescribeNetworkInterfaces\","
      + "\"ec2:DescribeVpcs\",\"ec2:DescribeDhcpOptions\",\"ec2:DescribeSubnets\",\"ec2:DescribeSecurityGroups\"],"
      + "\"Resource\":\"*\"}]}";
  static final String LOGS_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"logs:*\",\"cloudwatch:PutMetricData\"],\"Resource\":\"*\"}]}";
  static final String DATA = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],\"Resource\":\"*\"}]}";
  static final String ALL = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
      + "\"Resource\":\"*\"}]}";
  static final String KEY_POLICY = "{\n  \"Version\" : \"2012-10-17\",\n  \"Id\" : \"key-default-1\",\n"
      + "  \"Statement\" : [ {\n    \"Sid\" : \"Enable IAM User Permissions\",\n    \"Effect\" : \"Allow\",\n"
      + "    \"Principal\" : {\n      \"AWS\" : \"arn:aws:iam::123456789012:root\"\n    },\n"
      + "    \"Action\" : \"kms:*\",\n    \"Resource\" : \"*\"\n  } ]\n}";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  @BeforeEach
  void reset() {
    GoldenAccount.stub(wm);
  }

  static TrainingJobSpec job() {
    return Networks.job().toBuilder().roleArn(ROLE_ARN).volumeKmsKeyId("alias/training").build();
  }

  static String body(String action, String... members) {
    StringBuilder sb = new StringBuilder("Action=" + action + VERSION);
    for (int i = 0; i < members.length; i += 2) {
      sb.append('&').append(members[i]).append('=').append(form(members[i + 1]));
    }
    return sb.toString();
  }

  static String getRole(String arn) {
    return response("GetRole", "    <Role>\n      <Path>/</Path>\n      <AssumeRolePolicyDocument>" + urlEncoded(TRUST)
        + "</AssumeRolePolicyDocument>\n      <MaxSessionDuration>3600</MaxSessionDuration>\n"
        + "      <RoleId>AROA3XFRBF535PLBIFPI4</RoleId>\n      <PermissionsBoundary>\n"
        + "        <PermissionsBoundaryType>Policy</PermissionsBoundaryType>\n"
        + "        <PermissionsBoundaryArn>" + BOUNDARY + "</PermissionsBoundaryArn>\n      </PermissionsBoundary>\n"
        + "      <RoleName>" + ROLE + "</RoleName>\n      <Arn>" + arn + "</Arn>\n"
        + "      <CreateDate>2026-01-15T10:20:30Z</CreateDate>\n"
        + "      <Tags>\n        <member>\n          <Key>team</Key>\n          <Value>ml</Value>\n        </member>\n"
        + "      </Tags>\n      <RoleLastUsed/>\n    </Role>");
  }

  static String policy(String arn, String name) {
    return response("GetPolicy", "    <Policy>\n      <PolicyName>" + name + "</PolicyName>\n"
        + "      <DefaultVersionId>v2</DefaultVersionId>\n      <PolicyId>ANPAJ2UCCR6DPCEXAMPLE</PolicyId>\n"
        + "      <Path>/</Path>\n      <Arn>" + arn + "</Arn>\n      <AttachmentCount>1</AttachmentCount>\n"
        + "      <CreateDate>2025-09-15T17:36:14Z</CreateDate>\n      <UpdateDate>2025-09-15T20:31:47Z</UpdateDate>\n"
        + "      <IsAttachable>true</IsAttachable>\n    </Policy>");
  }

  static String version(String document) {
    return response("GetPolicyVersion", "    <PolicyVersion>\n      <Document>" + urlEncoded(document)
        + "</Document>\n      <IsDefaultVersion>true</IsDefaultVersion>\n      <VersionId>v2</VersionId>\n"
        + "      <CreateDate>2025-09-15T20:31:47Z</CreateDate>\n    </PolicyVersion>");
  }

  /** The role: two pages of inline policies, a local managed policy and a boundary; the volume key by alias. */
  static void stubRole() {
    stubIam(wm, body("GetRole", "RoleName", ROLE), 200, getRole(ROLE_ARN));
    stubIam(wm, body("ListRolePolicies", "RoleName", ROLE), 200, response("ListRolePolicies",
        "    <PolicyNames>\n      <member>vpc-access</member>\n    </PolicyNames>\n    <IsTruncated>true</IsTruncated>\n"
            + "    <Marker>AAIAAQ==</Marker>"));
    stubIam(wm, body("ListRolePolicies", "RoleName", ROLE, "Marker", "AAIAAQ=="), 200, response("ListRolePolicies",
        "    <PolicyNames>\n      <member>logs</member>\n    </PolicyNames>\n    <IsTruncated>false</IsTruncated>"));
    stubIam(wm, body("GetRolePolicy", "RoleName", ROLE, "PolicyName", "vpc-access"), 200, response("GetRolePolicy",
        "    <PolicyName>vpc-access</PolicyName>\n    <RoleName>" + ROLE + "</RoleName>\n    <PolicyDocument>"
            + urlEncoded(VPC_POLICY) + "</PolicyDocument>"));
    stubIam(wm, body("GetRolePolicy", "RoleName", ROLE, "PolicyName", "logs"), 200, response("GetRolePolicy",
        "    <PolicyName>logs</PolicyName>\n    <RoleName>" + ROLE + "</RoleName>\n    <PolicyDocument>"
            + urlEncoded(LOGS_POLICY) + "</PolicyDocument>"));
    stubIam(wm, body("ListAttachedRolePolicies", "RoleName", ROLE), 200, response("ListAttachedRolePolicies",
        "    <AttachedPolicies>\n      <member>\n        <PolicyName>training-data</PolicyName>\n"
            + "        <PolicyArn>" + DATA_POLICY + "</PolicyArn>\n      </member>\n    </AttachedPolicies>\n"
            + "    <IsTruncated>false</IsTruncated>"));
    stubIam(wm, body("GetPolicy", "PolicyArn", DATA_POLICY), 200, policy(DATA_POLICY, "training-data"));
    stubIam(wm, body("GetPolicyVersion", "PolicyArn", DATA_POLICY, "VersionId", "v2"), 200, version(DATA));
    stubIam(wm, body("GetPolicy", "PolicyArn", BOUNDARY), 200, policy(BOUNDARY, "ml-boundary"));
    stubIam(wm, body("GetPolicyVersion", "PolicyArn", BOUNDARY, "VersionId", "v2"), 200, version(ALL));
    stubKms(wm, "ListAliases", "{}", 200, "{\"Aliases\":[{\"AliasArn\":\"arn:aws:kms:us-east-1:123456789012:alias/"
        + "training\",\"AliasName\":\"alias/training\",\"TargetKeyId\":\"" + KEY_ID + "\",\"CreationDate\":1.764403200E9}],"
        + "\"Truncated\":false}");
    stubKms(wm, "DescribeKey", "{\"KeyId\":\"alias/training\"}", 200, "{\"KeyMetadata\":{\"AWSAccountId\":\""
        + Networks.ACCOUNT + "\",\"Arn\":\"" + KEY_ARN + "\",\"CreationDate\":1.764403200E9,\"Enabled\":true,"
        + "\"KeyId\":\"" + KEY_ID + "\",\"KeyManager\":\"CUSTOMER\",\"KeySpec\":\"SYMMETRIC_DEFAULT\","
        + "\"KeyState\":\"Enabled\",\"KeyUsage\":\"ENCRYPT_DECRYPT\",\"MultiRegion\":false,\"Origin\":\"AWS_KMS\"}}");
    ObjectMapper m = new ObjectMapper();
    stubKms(wm, "GetKeyPolicy", "{\"KeyId\":\"" + KEY_ARN + "\",\"PolicyName\":\"default\"}", 200,
        m.createObjectNode().put("Policy", KEY_POLICY).put("PolicyName", "default").toString());
  }

  static NetworkSnapshot discover(TrainingJobSpec job) {
    try (Ec2Client ec2 = AwsTestClients.ec2(wm.baseUrl()); S3Client s3 = AwsTestClients.s3(wm.baseUrl());
        IamClient iam = AwsTestClients.iam(wm.baseUrl()); KmsClient kms = AwsTestClients.kms(wm.baseUrl())) {
      return LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).iam(iam).kms(kms).clock(Clock.fixed(NOW, ZoneOffset.UTC))
          .build().snapshotFor(job);
    }
  }

  /** The report of the live snapshot, and of its bundle read back: the same. */
  static PreflightReport sameReportFromTheBundle(TrainingJobSpec job, NetworkSnapshot live) {
    String bundle = SnapshotBundle.write(live);
    NetworkSnapshot back = SnapshotBundle.parse(bundle, "bundle.json");
    assertThat(back).isEqualTo(live);
    PreflightReport report = RuleEngine.standard().evaluate(job, live);
    assertThat(RuleEngine.standard().evaluate(job, back).findings()).isEqualTo(report.findings());
    return report;
  }

  static Optional<Finding> finding(PreflightReport r, String rule) {
    return r.findings(rule).stream().findFirst();
  }

  @Test
  void readsTheRoleItsPoliciesAndItsKeyFromTheIamAndKmsWireProtocols() throws Exception {
    stubRole();

    NetworkSnapshot s = discover(job());

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.errors()).isEmpty();
    IamEvidence iam = s.iam().orElseThrow();
    IamRole role = iam.role(ROLE).orElseThrow();
    assertThat(role.arn()).isEqualTo(ROLE_ARN);
    assertThat(role.trustPolicy()).hasValue(TRUST); // URL-decoded, compact JSON
    assertThat(role.permissionsBoundaryArn()).hasValue(BOUNDARY);
    assertThat(role.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=ml");
    assertThat(role.inlinePolicies().orElseThrow()).extracting(InlinePolicy::policyName)
        .containsExactly("vpc-access", "logs"); // both pages
    assertThat(role.inlinePolicies().orElseThrow().get(0).document()).hasValue(VPC_POLICY);
    assertThat(role.attachedPolicyArns()).hasValue(List.of(DATA_POLICY));
    assertThat(iam.policy(DATA_POLICY).orElseThrow().document()).hasValue(DATA);
    assertThat(iam.policy(BOUNDARY).orElseThrow().document()).hasValue(ALL);
    assertThat(iam.policy(BOUNDARY).orElseThrow().defaultVersionId()).hasValue("v2");
    KmsKey key = s.kmsKeys().get(KEY_ARN);
    assertThat(key.keyState()).hasValue("Enabled");
    assertThat(key.policy().orElseThrow()).doesNotContain("\n").contains("arn:aws:iam::123456789012:root");
    assertThat(s.kmsAliases().orElseThrow()).extracting(a -> a.aliasName() + "->" + a.targetKeyId().orElseThrow())
        .containsExactly("alias/training->" + KEY_ID);
    // the form bodies: Action, Version, then the members, the ARN escaped
    wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(
        equalTo("Action=GetPolicyVersion&Version=2010-05-08&PolicyArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Apolicy"
            + "%2Fml-boundary&VersionId=v2")));
    wm.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService.GetKeyPolicy")));

    PreflightReport report = sameReportFromTheBundle(job(), s);
    for (String rule : List.of("role.trust.sagemaker", "role.vpc.permissions", "role.not-found")) {
      assertThat(report.findings(rule)).as(rule).allSatisfy(f -> assertThat(f.outcome()).isEqualTo(Outcome.PASS));
    }
    // the scoped form formats.md gives, documents as objects
    JsonNode bundle = new ObjectMapper().readTree(SnapshotBundle.write(s));
    JsonNode written = bundle.path("iam").path("roles").path(ROLE);
    assertThat(written.path("GetRole").path("Role").path("AssumeRolePolicyDocument").isObject()).isTrue();
    assertThat(written.path("ListRolePolicies").path("PolicyNames")).hasSize(2);
    assertThat(written.path("GetRolePolicy")).hasSize(2);
    assertThat(bundle.path("iam").path("policies").path(BOUNDARY).path("GetPolicyVersion").path("PolicyVersion")
        .path("Document").isObject()).isTrue();
    assertThat(bundle.path("kms").path("keys").path(KEY_ARN).path("GetKeyPolicy").path("PolicyName").asText())
        .isEqualTo("default");
  }

  @Test
  void aRoleThatDoesNotExistIsKnownAbsentAndFailsRoleNotFound() {
    stubRole();
    stubIam(wm, body("GetRole", "RoleName", ROLE), 404, error("NoSuchEntity",
        "The role with name " + ROLE + " cannot be found."));
    stubIam(wm, body("ListRolePolicies", "RoleName", ROLE), 404, error("NoSuchEntity",
        "The role with name " + ROLE + " cannot be found."));
    stubIam(wm, body("ListAttachedRolePolicies", "RoleName", ROLE), 404, error("NoSuchEntity",
        "The role with name " + ROLE + " cannot be found."));

    NetworkSnapshot s = discover(job());

    assertThat(s.iam().orElseThrow().isKnownAbsent(ROLE)).isTrue();
    assertThat(s.errors()).extracting(CaptureError::operation, CaptureError::code).contains(
        org.assertj.core.groups.Tuple.tuple("iam:GetRole", "NoSuchEntity"));
    // nothing is read about a role that is not there
    assertNoPolicyIsRead();
    PreflightReport report = sameReportFromTheBundle(job(), s);
    assertThat(finding(report, "role.not-found")).hasValueSatisfying(f -> assertThat(f.outcome())
        .isEqualTo(Outcome.FAIL));
  }

  @Test
  void aDeniedGetRoleIsACaptureErrorAndTheRoleRulesAreUnverifiedNamingThePermission() {
    stubRole();
    stubIam(wm, body("GetRole", "RoleName", ROLE), 403, error("AccessDenied", "User: arn:aws:sts::123456789012:"
        + "assumed-role/ReadOnly/ci is not authorized to perform: iam:GetRole on resource: role " + ROLE
        + " because no identity-based policy allows the iam:GetRole action"));

    NetworkSnapshot s = discover(job());

    assertThat(s.iam()).isPresent();
    assertThat(s.iam().orElseThrow().roles()).isEmpty();
    assertThat(s.iam().orElseThrow().isKnownAbsent(ROLE)).isFalse();
    assertThat(s.errors()).filteredOn(e -> e.operation().equals("iam:GetRole")).singleElement()
        .satisfies(e -> {
          assertThat(e.code()).isEqualTo("AccessDenied");
          assertThat(e.resource()).isEqualTo(ROLE);
          assertThat(e.message()).contains("vpctrain needs the IAM permission iam:GetRole");
        });
    PreflightReport report = sameReportFromTheBundle(job(), s);
    assertThat(report.verdict().name()).isNotEqualTo("READY");
    for (String rule : List.of("role.trust.sagemaker", "role.vpc.permissions")) {
      assertThat(finding(report, rule)).as(rule).hasValueSatisfying(f -> {
        assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
        assertThat(f.message()).contains("iam:GetRole");
      });
    }
    assertThat(finding(report, "role.not-found")).hasValueSatisfying(f -> assertThat(f.outcome())
        .isEqualTo(Outcome.UNVERIFIED));
  }

  @Test
  void aDeniedPolicyVersionLeavesThatPolicyUnknownAndNamesThePermission() {
    stubRole();
    stubIam(wm, body("GetPolicyVersion", "PolicyArn", BOUNDARY, "VersionId", "v2"), 403, error("AccessDenied",
        "not authorized to perform: iam:GetPolicyVersion"));

    NetworkSnapshot s = discover(job());

    assertThat(s.iam().orElseThrow().policy(BOUNDARY).orElseThrow().document()).isEmpty();
    assertThat(s.iam().orElseThrow().policy(DATA_POLICY).orElseThrow().document()).hasValue(DATA);
    PreflightReport report = sameReportFromTheBundle(job(), s);
    assertThat(finding(report, "role.vpc.permissions")).hasValueSatisfying(f -> {
      assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
      assertThat(f.message()).contains("iam:GetPolicyVersion");
    });
  }

  @Test
  void aRoleOfTheSameNameInTheCallersAccountIsNotReadForARoleInAnotherAccount() {
    stubRole();
    stubIam(wm, body("GetRole", "RoleName", ROLE), 200, getRole("arn:aws:iam::999999999999:role/" + ROLE));

    NetworkSnapshot s = discover(job());

    assertThat(s.iam().orElseThrow().roles()).isEmpty();
    assertThat(s.errors()).extracting(CaptureError::code).contains(RoleRound.OTHER_ACCOUNT);
    assertNoPolicyIsRead();
    PreflightReport report = sameReportFromTheBundle(job(), s);
    assertThat(finding(report, "role.not-found")).hasValueSatisfying(f -> assertThat(f.outcome())
        .isEqualTo(Outcome.UNVERIFIED));
  }

  @Test
  void withoutAnIamClientThereIsNoIamSectionAndNoIamCall() {
    stubRole();
    NetworkSnapshot s;
    try (Ec2Client ec2 = AwsTestClients.ec2(wm.baseUrl()); S3Client s3 = AwsTestClients.s3(wm.baseUrl())) {
      s = LiveNetworkDiscovery.builder().ec2(ec2).s3(s3).clock(Clock.fixed(NOW, ZoneOffset.UTC)).build()
          .snapshotFor(job());
    }
    assertThat(s.iam()).isEmpty();
    assertThat(s.kmsKeys()).isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(IamWire.VERSION)))).isEmpty();
  }

  /** No GetRolePolicy or GetPolicy request reached IAM. */
  private static void assertNoPolicyIsRead() {
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetRolePolicy&"))))
        .isEmpty();
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=GetPolicy&"))))
        .isEmpty();
  }
}
