package dev.vpctrain.aws.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vpctrain.aws.remediation.Wire.action;
import static dev.vpctrain.aws.remediation.Wire.error;
import static dev.vpctrain.aws.remediation.Wire.form;
import static dev.vpctrain.aws.remediation.Wire.ok;
import static dev.vpctrain.aws.remediation.Wire.only;
import static dev.vpctrain.aws.remediation.Wire.requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationStep;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@link Change.PutRolePolicy} in IAM's query wire format ({@code Version=2010-05-08}, XML in the
 * {@code https://iam.amazonaws.com/doc/2010-05-08/} namespace): only with {@code includeIam}; the
 * live document is read first ({@code NoSuchEntity}: none); a later failure deletes the policy again
 * or puts back the previous document; a refusal names the operation and leaves nothing half-applied.
 */
class RolePolicyWireTest {
  static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  static final String ROLE = "SageMakerTrainingRole";
  static final String NAME = "vpctrain-sagemaker-job";
  static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"SageMakerVpcDescribe\","
      + "\"Effect\":\"Allow\",\"Action\":\"ec2:DescribeVpcs\",\"Resource\":\"*\"}]}";
  static final String OLD = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Old\",\"Effect\":\"Allow\","
      + "\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}";
  static final String SG = "sg-0a1b2c3d4e5f60401";
  static final Change.PutRolePolicy PUT = new Change.PutRolePolicy(ROLE, NAME, Optional.empty(), DOC);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  static PlanApplier applier;

  @BeforeAll
  static void clients() {
    IamClient iam = IamClient.builder().endpointOverride(URI.create(wm.baseUrl())).region(Region.AWS_GLOBAL)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIAFAKEFAKEFAKEFAKE", "fake-secret-key")))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)).build())
        .overrideConfiguration(AwsTestClients.fast()).build();
    applier = PlanApplier.builder().ec2(Wire.ec2(wm)).s3(Wire.s3(wm)).iam(iam).build();
  }

  @Test
  void withoutIncludeIamTheStepIsSkippedAndNothingIsSent() {
    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false));
    assertThat(r.results()).isEmpty();
    assertThat(r.skippedIam()).extracting(RemediationStep::number).containsExactly(1);
    assertThat(r.render()).contains("[skipped]", "iam:PutRolePolicy", "--include-iam");
    assertThat(wm.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRealRunReadsThenPutsThePolicyInTheWireFormat() {
    wm.stubFor(noSuchEntity(iam("GetRolePolicy")));
    wm.stubFor(iamOk(iam("PutRolePolicy"), "PutRolePolicy", ""));

    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false).includeIam(true));

    assertThat(r.results()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(StepStatus.DONE);
      assertThat(s.detail()).contains("aws iam delete-role-policy --role-name " + ROLE + " --policy-name " + NAME);
    });
    assertThat(form(only(wm, "GetRolePolicy"))).containsEntry("Version", "2010-05-08").containsEntry("RoleName", ROLE)
        .containsEntry("PolicyName", NAME);
    assertThat(form(only(wm, "PutRolePolicy"))).containsEntry("Action", "PutRolePolicy").containsEntry("Version", "2010-05-08")
        .containsEntry("RoleName", ROLE).containsEntry("PolicyName", NAME).containsEntry("PolicyDocument", DOC);
  }

  @Test
  void aDryRunReadsButPutsNothing() {
    wm.stubFor(noSuchEntity(iam("GetRolePolicy")));
    ApplyResult r = applier.apply(plan(PUT), o -> o.includeIam(true));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.WOULD_RUN);
    assertThat(requests(wm, "PutRolePolicy")).isEmpty();
  }

  @Test
  void theSameLiveDocumentUrlEncodedCountsAsDone() {
    wm.stubFor(iamOk(iam("GetRolePolicy"), "GetRolePolicy", rolePolicy(DOC)));
    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false).includeIam(true));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(requests(wm, "PutRolePolicy")).isEmpty();
  }

  @Test
  void aLaterFailureDeletesThePolicyThatWasNotThereBefore() {
    wm.stubFor(noSuchEntity(iam("GetRolePolicy")));
    wm.stubFor(iamOk(iam("PutRolePolicy"), "PutRolePolicy", ""));
    wm.stubFor(iamOk(iam("DeleteRolePolicy"), "DeleteRolePolicy", ""));
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", PlanApplierWireTest.group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupIngress"), 403, "UnauthorizedOperation", "You are not authorized."));
    GroupRef g = GroupRef.existing(SG);

    ApplyResult r = applier.apply(plan(PUT, new Change.AuthorizeIngress(g, Rule.tcp(988, Peer.group(g)))),
        o -> o.dryRun(false).includeIam(true));

    assertThat(r.results()).extracting(StepResult::status).containsExactly(StepStatus.ROLLED_BACK, StepStatus.FAILED);
    assertThat(r.changedAnything()).isFalse();
    assertThat(form(only(wm, "DeleteRolePolicy"))).containsEntry("Version", "2010-05-08").containsEntry("RoleName", ROLE)
        .containsEntry("PolicyName", NAME);
    assertThat(r.results().get(0).detail()).contains("deleted again because step 2 failed");
    assertThat(r.render()).contains("The role's inline policy it had put was reverted.");
  }

  @Test
  void aLaterFailurePutsThePreviousDocumentBack() {
    // the plan was made against OLD, so the planned document keeps it and adds DOC's statement
    String merged = "{\"Version\":\"2012-10-17\",\"Statement\":[" + OLD.substring(OLD.indexOf('[') + 1, OLD.lastIndexOf(']'))
        + "," + DOC.substring(DOC.indexOf('[') + 1, DOC.lastIndexOf(']')) + "]}";
    Change.PutRolePolicy put = new Change.PutRolePolicy(ROLE, NAME, Optional.of(OLD), merged);
    wm.stubFor(iamOk(iam("GetRolePolicy"), "GetRolePolicy", rolePolicy(OLD)));
    wm.stubFor(iamOk(iam("PutRolePolicy"), "PutRolePolicy", ""));
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", PlanApplierWireTest.group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupIngress"), 403, "UnauthorizedOperation", "You are not authorized."));
    GroupRef g = GroupRef.existing(SG);

    ApplyResult r = applier.apply(plan(put, new Change.AuthorizeIngress(g, Rule.tcp(988, Peer.group(g)))),
        o -> o.dryRun(false).includeIam(true));

    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ROLLED_BACK);
    List<LoggedRequest> puts = requests(wm, "PutRolePolicy");
    assertThat(puts).hasSize(2);
    assertThat(form(puts.get(0))).containsEntry("PolicyDocument", merged);
    assertThat(form(puts.get(1))).containsEntry("PolicyDocument", OLD);
    assertThat(requests(wm, "DeleteRolePolicy")).isEmpty();
    assertThat(r.results().get(0).detail()).contains("restored to its previous document");
  }

  @Test
  void accessDeniedNamesTheOperationAndChangesNothing() {
    wm.stubFor(noSuchEntity(iam("GetRolePolicy")));
    wm.stubFor(iamError(iam("PutRolePolicy"), 403, "AccessDenied", "User: arn:aws:iam::123456789012:user/ops is not "
        + "authorized to perform: iam:PutRolePolicy on resource: role " + ROLE));

    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false).includeIam(true));

    StepResult s = r.results().get(0);
    assertThat(s.status()).isEqualTo(StepStatus.FAILED);
    assertThat(s.failedOperation()).contains("iam:PutRolePolicy");
    assertThat(s.errorCode()).contains("AccessDenied");
    assertThat(requests(wm, "DeleteRolePolicy")).isEmpty();
  }

  @Test
  void aRefusedReadStopsBeforeThePut() {
    wm.stubFor(iamError(iam("GetRolePolicy"), 403, "AccessDenied", "not authorized to perform: iam:GetRolePolicy"));
    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false).includeIam(true));
    assertThat(r.results().get(0).failedOperation()).contains("iam:GetRolePolicy");
    assertThat(requests(wm, "PutRolePolicy")).isEmpty();
  }

  @Test
  void throttlingIsRetriedThenReportedWithTheOperation() {
    wm.stubFor(noSuchEntity(iam("GetRolePolicy")));
    wm.stubFor(iamError(iam("PutRolePolicy"), 400, "Throttling", "Rate exceeded"));
    ApplyResult r = applier.apply(plan(PUT), o -> o.dryRun(false).includeIam(true));
    assertThat(r.results().get(0).errorCode()).contains("Throttling");
    assertThat(r.results().get(0).failedOperation()).contains("iam:PutRolePolicy");
    assertThat(requests(wm, "PutRolePolicy")).hasSize(3); // the client's three attempts
  }

  // ---- helpers --------------------------------------------------------------------------------

  static RemediationPlan plan(Change... changes) {
    List<RemediationStep> steps = new ArrayList<>();
    for (Change c : changes) {
      steps.add(new RemediationStep(steps.size() + 1, List.of("role.vpc.permissions"), "step " + (steps.size() + 1),
          "because", c, false));
    }
    return new RemediationPlan("resnet50", "us-east-1", steps, List.of());
  }

  static MappingBuilder iam(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  static MappingBuilder iamOk(MappingBuilder m, String action, String result) {
    return m.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml")
        .withBody("<" + action + "Response xmlns=\"" + IAM_NS + "\">"
            + (result.isEmpty() ? "" : "<" + action + "Result>" + result + "</" + action + "Result>")
            + "<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></"
            + action + "Response>"));
  }

  static MappingBuilder iamError(MappingBuilder m, int status, String code, String message) {
    return m.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml")
        .withBody("<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>"
            + Wire.xml(message) + "</Message></Error><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ErrorResponse>"));
  }

  static MappingBuilder noSuchEntity(MappingBuilder m) {
    return iamError(m, 404, "NoSuchEntity", "The role policy with name " + NAME + " cannot be found.");
  }

  /** GetRolePolicyResult with the document URL-encoded, as IAM returns it. */
  static String rolePolicy(String document) {
    return "<RoleName>" + ROLE + "</RoleName><PolicyName>" + NAME + "</PolicyName><PolicyDocument>"
        + URLEncoder.encode(document, StandardCharsets.UTF_8).replace("+", "%20") + "</PolicyDocument>";
  }
}
