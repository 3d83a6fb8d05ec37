package dev.vpctrain.core.internal.policy;

import static dev.vpctrain.core.internal.policy.PolicyTestSupport.ROLE;
import static dev.vpctrain.core.internal.policy.PolicyTestSupport.policy;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The role's policies deciding together: identity ∩ boundary, denies everywhere, resource-policy allows. */
class AuthorizationTest {
  private static final String GET = "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}";
  private static final String OBJECT = "arn:aws:s3:::data/train/part-0";

  private static PolicySource p(String name, String statements) {
    return PolicySource.of(name, policy(statements));
  }

  private static AuthDecision decide(Authorization a, String action, String resource) {
    return a.decide(PolicyRequest.builder().roleSession(ROLE).action(action).resource(resource)
        .context(RequestContext.builder().put("aws:RequestedRegion", "us-east-1").build()).build());
  }

  @Test
  void anIdentityAllowAllows() {
    AuthDecision d = decide(Authorization.builder().identity(p("inline \"read\"", GET)).build(), "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.ALLOW);
    assertThat(d.explanation()).contains("inline \"read\"");
    assertThat(decide(Authorization.builder().identity(p("read", GET)).build(), "s3:PutObject", OBJECT).type())
        .isEqualTo(DecisionType.IMPLICIT_DENY);
  }

  @Test
  void aBoundaryCutsAnIdentityAllow() {
    Authorization a = Authorization.builder().identity(p("read", GET))
        .boundary(p("boundary B", "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}")).build();
    AuthDecision d = decide(a, "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    assertThat(d.explanation()).contains("the permissions boundary boundary B does not").contains("read");
    Authorization both = Authorization.builder().identity(p("read", GET))
        .boundary(p("B", "{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")).build();
    assertThat(decide(both, "s3:GetObject", OBJECT).isAllowed()).isTrue();
  }

  @Test
  void anExplicitDenyInAManagedPolicyWins() {
    Authorization a = Authorization.builder().identity(p("inline", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}"))
        .identity(p("arn:aws:iam::123456789012:policy/Guard",
            "{\"Sid\":\"NoData\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::data/*\"}"))
        .build();
    AuthDecision d = decide(a, "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(d.policy()).contains("arn:aws:iam::123456789012:policy/Guard");
    assertThat(d.explanation()).contains("\"NoData\"");
  }

  @Test
  void aNotActionAllowWithADeny() {
    Authorization a = Authorization.builder().identity(p("p", "[{\"Effect\":\"Allow\",\"NotAction\":\"iam:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Action\":\"s3:DeleteObject\",\"Resource\":\"*\"}]")).build();
    assertThat(decide(a, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.ALLOW);
    assertThat(decide(a, "s3:DeleteObject", OBJECT).type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(decide(a, "iam:PassRole", "*").type()).isEqualTo(DecisionType.IMPLICIT_DENY);
  }

  @Test
  void aSameAccountResourcePolicyAllowsAloneUnlessABoundaryExists() {
    PolicySource bucket = p("bucket policy of data", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE
        + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}");
    Authorization none = Authorization.builder().resource(bucket, false).build();
    assertThat(decide(none, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.ALLOW);
    Authorization bounded = Authorization.builder().resource(bucket, false)
        .boundary(p("B", "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}")).build();
    AuthDecision d = decide(bounded, "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.explanation()).contains("allowed only by the resource policy").contains("not verified");
    Authorization cross = Authorization.builder().resource(bucket, true).build();
    assertThat(decide(cross, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    Authorization crossBoth = Authorization.builder().identity(p("read", GET)).resource(bucket, true).build();
    assertThat(decide(crossBoth, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.ALLOW);
  }

  @Test
  void anUnknownDocumentLeavesItUndecidedUnlessADenyDecides() {
    PolicySource unknown = PolicySource.unknown("managed policy X", "not captured");
    AuthDecision d = decide(Authorization.builder().identity(unknown).build(), "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.explanation()).contains("managed policy X").contains("not captured");
    // an allow elsewhere does not settle it: the unknown document may deny
    assertThat(decide(Authorization.builder().identity(p("read", GET)).identity(unknown).build(), "s3:GetObject", OBJECT)
        .type()).isEqualTo(DecisionType.UNKNOWN);
    Authorization denied = Authorization.builder().identity(unknown)
        .identity(p("deny", "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")).build();
    assertThat(decide(denied, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.EXPLICIT_DENY);
  }

  @Test
  void anUnknownConditionNamesStatementAndKey() {
    Authorization a = Authorization.builder().identity(p("inline \"vpce\"", "{\"Sid\":\"ViaVpce\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}"))
        .build();
    AuthDecision d = decide(a, "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.unknownKeys()).containsExactly("aws:SourceVpce");
    assertThat(d.statement().flatMap(Statement::sid)).contains("ViaVpce");
    assertThat(d.explanation()).contains("inline \"vpce\"").contains("aws:SourceVpce");
  }

  @Test
  void organisationPoliciesCountForTheirDenyOnly() {
    Authorization allowOnly = Authorization.builder()
        .organization(p("SCP p-1", "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}")).build();
    assertThat(decide(allowOnly, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    Authorization scpDeny = Authorization.builder().identity(p("read", GET))
        .organization(p("SCP p-2", "{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":"
            + "{\"StringNotEquals\":{\"aws:RequestedRegion\":\"eu-west-1\"}}}")).build();
    AuthDecision d = decide(scpDeny, "s3:GetObject", OBJECT);
    assertThat(d.type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(d.policy()).contains("SCP p-2");
  }

  @Test
  void urlEncodedAndDecodedDocumentsDecideAlike() {
    // the same document, as the CLI prints it and as the core reads it after decoding: one decision
    String json = "{\"Version\":\"2012-10-17\",\"Statement\":" + GET + "}";
    Authorization a = Authorization.builder().identity(PolicySource.of("a", Policy.parse(json, "a"))).build();
    Authorization b = Authorization.builder().identity(PolicySource.of("b",
        Policy.parse(java.net.URLDecoder.decode(java.net.URLEncoder.encode(json, java.nio.charset.StandardCharsets.UTF_8),
            java.nio.charset.StandardCharsets.UTF_8), "b"))).build();
    assertThat(decide(a, "s3:GetObject", OBJECT).type()).isEqualTo(decide(b, "s3:GetObject", OBJECT).type())
        .isEqualTo(DecisionType.ALLOW);
  }

  @Test
  void aServicePrincipalIsNamedByServiceOrEveryone() {
    PolicyRequest r = PolicyRequest.builder().caller(Caller.service("sagemaker.amazonaws.com")).action("sts:AssumeRole")
        .resource(ROLE).build();
    assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"sagemaker.amazonaws.com\"]},"
        + "\"Action\":\"sts:AssumeRole\"}").evaluate(r).isAllowed()).isTrue();
    assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}").evaluate(r).isAllowed())
        .isTrue();
    assertThat(policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
        + "\"Action\":\"sts:AssumeRole\"}").evaluate(r).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    assertThat(Caller.service("sagemaker.amazonaws.com").toString()).contains("sagemaker.amazonaws.com");
  }

  @Test
  void decisionAllowIsComputedEvenPastADeny() {
    Policy p = policy("[{\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]");
    Decision d = p.evaluate(PolicyRequest.builder().roleSession(ROLE).action("s3:GetObject").resource(OBJECT).build());
    assertThat(d.type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(d.allow()).isEqualTo(dev.vpctrain.core.internal.logic.Tri.YES);
  }

  @Test
  void theIdentityOnlyViewIgnoresResourceAndOrganisationPoliciesButKeepsTheBoundary() {
    PolicySource bucket = p("bucket policy of data", "{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE
        + "\"},\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}");
    PolicySource scp = p("SCP p-1", "{\"Effect\":\"Deny\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}");
    Authorization byBucket = Authorization.builder().resource(bucket, false).build();
    assertThat(decide(byBucket, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.ALLOW);
    assertThat(decide(byBucket.identityOnly(), "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    Authorization denied = Authorization.builder().identity(p("read", GET)).organization(scp).build();
    assertThat(decide(denied, "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(decide(denied.identityOnly(), "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.ALLOW);
    Authorization bounded = Authorization.builder().identity(p("read", GET))
        .boundary(p("B", "{\"Effect\":\"Allow\",\"Action\":\"ec2:*\",\"Resource\":\"*\"}")).build();
    assertThat(decide(bounded.identityOnly(), "s3:GetObject", OBJECT).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
  }
}
