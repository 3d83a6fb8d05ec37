package dev.vpctrain.aws.simulate;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.not;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.vpctrain.aws.testing.AwsTestClients;
import dev.vpctrain.aws.testing.IamWire;
import dev.vpctrain.core.iam.IdentityDecision;
import dev.vpctrain.core.iam.RoleRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * {@code iam:SimulatePrincipalPolicy} on the IAM query wire format: one call per resource and context
 * with all its actions, pages followed with {@code Marker}, decisions compared with vpctrain's.
 */
class RoleSimulatorWireTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/SageMakerTrainingRole";
  static final String ENI = "arn:aws:ec2:us-east-1:123456789012:network-interface/*";
  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();

  static RoleRequest request(String action, String resource, IdentityDecision d) {
    return RoleRequest.builder().rule("role.vpc.permissions").action(action).resource(resource)
        .context(Map.of("aws:PrincipalArn", List.of(ROLE), "aws:RequestedRegion", List.of("us-east-1")))
        .decision(d).policy("inline policy \"vpc\" of role SageMakerTrainingRole").statement("Statement[0]").build();
  }

  static String result(String action, String resource, String decision) {
    return "      <member>\n        <MatchedStatements>\n          <member>\n            <SourcePolicyId>vpc</SourcePolicyId>\n"
        + "            <SourcePolicyType>IAM Policy</SourcePolicyType>\n          </member>\n        </MatchedStatements>\n"
        + "        <MissingContextValues/>\n        <EvalResourceName>" + resource + "</EvalResourceName>\n"
        + "        <EvalDecision>" + decision + "</EvalDecision>\n        <EvalActionName>" + action
        + "</EvalActionName>\n      </member>";
  }

  static void stub(String match, String notMatch, String body) {
    var m = post(urlEqualTo("/")).withRequestBody(containing("Action=SimulatePrincipalPolicy&"))
        .withRequestBody(containing(match));
    if (notMatch != null) {
      m = m.withRequestBody(not(containing(notMatch)));
    }
    wm.stubFor(m.willReturn(IamWire.xml(200, body)));
  }

  @Test
  void agreementsDisagreementsAndUnknownsAcrossPagesAndBatches() {
    String star = "ResourceArns.member.1=*&";
    stub(star, "Marker=", IamWire.response("SimulatePrincipalPolicy", "    <EvaluationResults>\n"
        + result("ec2:DescribeVpcs", "*", "allowed") + "\n    </EvaluationResults>\n    <IsTruncated>true</IsTruncated>\n"
        + "    <Marker>page2</Marker>"));
    stub("Marker=page2", null, IamWire.response("SimulatePrincipalPolicy", "    <EvaluationResults>\n"
        + result("ec2:DescribeSubnets", "*", "implicitDeny") + "\n    </EvaluationResults>\n"
        + "    <IsTruncated>false</IsTruncated>"));
    stub("ResourceArns.member.1=" + IamWire.form(ENI), null, IamWire.response("SimulatePrincipalPolicy",
        "    <EvaluationResults>\n" + result("ec2:CreateNetworkInterface", ENI, "explicitDeny")
            + "\n    </EvaluationResults>\n    <IsTruncated>false</IsTruncated>"));

    RoleSimulation s;
    try (IamClient iam = AwsTestClients.iam(wm.baseUrl())) {
      s = new RoleSimulator(iam).simulate(ROLE, List.of(
          request("ec2:DescribeVpcs", "*", IdentityDecision.ALLOW),
          request("ec2:DescribeSubnets", "*", IdentityDecision.ALLOW),
          request("ec2:CreateNetworkInterface", ENI, IdentityDecision.UNKNOWN)));
    }

    assertThat(wm.findAllUnmatchedRequests()).isEmpty();
    assertThat(s.requests()).isEqualTo(2);
    assertThat(s.agreed()).isEqualTo(1);
    assertThat(s.disagreements()).singleElement().satisfies(d -> {
      assertThat(d.action()).isEqualTo("ec2:DescribeSubnets");
      assertThat(d.vpctrain()).isEqualTo("ALLOW");
      assertThat(d.iam()).isEqualTo("implicitDeny");
      assertThat(d.statement()).contains("inline policy \"vpc\"").contains("IAM: vpc");
    });
    assertThat(s.notes()).singleElement().asString().contains("ec2:CreateNetworkInterface")
        .contains("could not decide").contains("explicitDeny");
    // the form: the role, both actions of the batch, the context keys with their types
    wm.verify(postRequestedFor(urlEqualTo("/")).withRequestBody(containing(
        "PolicySourceArn=" + IamWire.form(ROLE))).withRequestBody(containing("ActionNames.member.1=ec2%3ADescribeVpcs"
            + "&ActionNames.member.2=ec2%3ADescribeSubnets")).withRequestBody(containing("ContextKeyType=string")));
    assertThat(wm.findAll(postRequestedFor(urlEqualTo("/")))).hasSize(3);
  }

  @Test
  void aDeniedSimulatorIsAOneLineNoteNotACrash() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(IamWire.xml(403, IamWire.error("AccessDenied",
        "User: arn:aws:sts::123456789012:assumed-role/ReadOnly/ci is not authorized to perform: "
            + "iam:SimulatePrincipalPolicy"))));
    RoleSimulation s;
    try (IamClient iam = AwsTestClients.iam(wm.baseUrl())) {
      s = new RoleSimulator(iam).simulate(ROLE, List.of(request("ec2:DescribeVpcs", "*", IdentityDecision.ALLOW)));
    }
    assertThat(s.requests()).isZero();
    assertThat(s.hasDisagreements()).isFalse();
    assertThat(s.notes()).singleElement().asString().contains("iam:SimulatePrincipalPolicy was denied")
        .doesNotContain("\n");
  }
}
