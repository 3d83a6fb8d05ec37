package dev.vpctrain.core.internal.policy;

import static dev.vpctrain.core.internal.policy.PolicyTestSupport.ROLE;
import static dev.vpctrain.core.internal.policy.PolicyTestSupport.policy;
import static dev.vpctrain.core.internal.policy.PolicyTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.core.internal.logic.Tri;
import org.junit.jupiter.api.Test;

/** What a decision tells besides its type: the statement, the unknown keys, the explanation. */
class PolicyEvaluationTest {
  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

  @Test
  void explicitDenyNamesTheFirstDenyingStatement() {
    Policy p = policy("[" + ALLOW_ALL + ",{\"Sid\":\"NotThisVpce\",\"Effect\":\"Deny\",\"Action\":\"s3:*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}},{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]");
    Decision d = p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", "aws:SourceVpce=vpce-2", null));
    assertThat(d.type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    assertThat(d.statement().get().sid()).contains("NotThisVpce");
    assertThat(d.statement().get().index()).isEqualTo(1);
    assertThat(d.explicitDeny()).isEqualTo(Tri.YES);
    assertThat(d.explanation()).isEqualTo("explicitly denied by statement \"NotThisVpce\" (Statement[1])");
    assertThat(d.isAllowed()).isFalse();
  }

  @Test
  void allowAndImplicitDenyExplainThemselves() {
    Policy p = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}");
    Decision allow = p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", "", null));
    assertThat(allow.isAllowed()).isTrue();
    assertThat(allow.explanation()).isEqualTo("allowed by Statement[0]");
    assertThat(allow.explicitDeny()).isEqualTo(Tri.NO);
    Decision implicit = p.evaluate(request("s3:PutObject", "arn:aws:s3:::b/k", "", null));
    assertThat(implicit.type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    assertThat(implicit.statement()).isEmpty();
    assertThat(implicit.explanation()).isEqualTo("not allowed: no statement allows it");
    assertThat(implicit.toString()).isEqualTo("IMPLICIT_DENY: not allowed: no statement allows it");
  }

  @Test
  void unknownNamesStatementAndKeys() {
    Policy p = policy("[" + ALLOW_ALL + ",{\"Sid\":\"OrgOnly\",\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalOrgID\":\"o-abc\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]");
    Decision d = p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k",
        "aws:PrincipalOrgID=unknown;aws:SecureTransport=true", null));
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.isUnknown()).isTrue();
    assertThat(d.statement().get().sid()).contains("OrgOnly");
    assertThat(d.unknownKeys()).containsExactly("aws:PrincipalOrgID");
    assertThat(d.explicitDeny()).isEqualTo(Tri.UNKNOWN);
    assertThat(d.explanation()).isEqualTo(
        "undecidable: statement \"OrgOnly\" (Statement[1]) (Deny) depends on aws:PrincipalOrgID, whose value cannot be known");
  }

  @Test
  void unknownAllowLeavesExplicitDenyFalse() {
    Policy p = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:VpcSourceIp\":\"10.0.0.1\"}}}");
    Decision d = p.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", "*=unknown", null));
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.explicitDeny()).isEqualTo(Tri.NO);
    assertThat(d.unknownKeys()).containsExactly("aws:VpcSourceIp");
  }

  @Test
  void unknownSessionAndVariableAreReported() {
    Policy session = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:sts::123456789012:assumed-role/Job/SageMaker\"},"
        + "\"Action\":\"*\",\"Resource\":\"*\"}");
    assertThat(session.evaluate(request("s3:GetObject", "arn:aws:s3:::b/k", "", null)).unknownKeys())
        .containsExactly("Principal (role session name)");
    Policy variable = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/${aws:userid}/*\"}");
    Decision d = variable.evaluate(request("s3:GetObject", "arn:aws:s3:::b/AROA:x/k", "aws:userid=unknown", null));
    assertThat(d.type()).isEqualTo(DecisionType.UNKNOWN);
    assertThat(d.unknownKeys()).containsExactly("aws:userid");
  }

  @Test
  void undeclaredKeysAreUnknownByDefault() {
    Policy p = policy("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"vpce-1\"}}}");
    PolicyRequest byDefault = PolicyRequest.builder().roleSession(ROLE).action("s3:GetObject").resource("arn:aws:s3:::b/k").build();
    assertThat(p.evaluate(byDefault).type()).isEqualTo(DecisionType.UNKNOWN);
    PolicyRequest declaredAbsent = byDefault.toBuilder()
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).build();
    assertThat(p.evaluate(declaredAbsent).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
  }

  @Test
  void principalKeysComeFromTheCallerUnlessDeclared() {
    PolicyRequest r = PolicyRequest.builder().roleSession("arn:aws:iam::123456789012:role/ml/Job")
        .action("s3:GetObject").resource("arn:aws:s3:::b/k").build();
    assertThat(r.context().get("AWS:PRINCIPALARN")).isEqualTo(ContextValue.of("arn:aws:iam::123456789012:role/ml/Job"));
    assertThat(r.context().get("aws:PrincipalAccount")).isEqualTo(ContextValue.of("123456789012"));
    assertThat(r.context().get("aws:PrincipalType")).isEqualTo(ContextValue.of("AssumedRole"));
    assertThat(r.context().get("aws:username").isAbsent()).isTrue();
    assertThat(r.context().get("aws:PrincipalOrgID").isUnknown()).isTrue();
    PolicyRequest overridden = r.toBuilder()
        .context(RequestContext.builder().unknown("aws:PrincipalArn").build()).build();
    assertThat(overridden.context().get("aws:PrincipalArn").isUnknown()).isTrue();
    PolicyRequest anon = PolicyRequest.builder().caller(Caller.anonymous()).action("s3:GetObject").resource("arn:aws:s3:::b/k").build();
    assertThat(anon.context().get("aws:PrincipalArn").isAbsent()).isTrue();
    assertThat(anon.context().get("aws:PrincipalType")).isEqualTo(ContextValue.of("Anonymous"));
  }

  @Test
  void callerValidatesRoleArns() {
    Caller c = Caller.assumedRole("arn:aws-cn:iam::123456789012:role/a/b/Name");
    assertThat(c.partition()).contains("aws-cn");
    assertThat(c.account()).contains("123456789012");
    assertThat(c.roleName()).contains("Name");
    assertThat(c.sessionName()).isEmpty();
    assertThat(Caller.isRoleArn("arn:aws:iam::123:role/x")).isFalse();
    assertThatThrownBy(() -> Caller.assumedRole("arn:aws:iam::123456789012:user/x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a role ARN");
  }

  @Test
  void anyCoverageAsksWhetherSomethingIsReachable() {
    // The recommended endpoint policy: the job's buckets allowed, the package repositories denied.
    Policy p = policy("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::packages.*.amazonaws.com/*\"}]");
    PolicyRequest repo = PolicyRequest.builder().caller(Caller.anonymous()).action("s3:GetObject")
        .resource(Target.startingWith("arn:aws:s3:::packages.us-east-1.amazonaws.com/"))
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).coverage(Coverage.ANY).build();
    assertThat(p.evaluate(repo).type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    Policy partial = policy("[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"*\"},"
        + "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::packages.us-east-1.amazonaws.com/x/*\"}]");
    assertThat(partial.evaluate(repo).type()).isEqualTo(DecisionType.ALLOW);
    assertThat(partial.evaluate(repo.toBuilder().coverage(Coverage.EVERY).build()).type()).isEqualTo(DecisionType.EXPLICIT_DENY);
    Policy onlyData = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::data/*\"}");
    assertThat(onlyData.evaluate(repo).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
    Policy someActions = policy("{\"Effect\":\"Allow\",\"Action\":\"sts:GetCallerIdentity\",\"Resource\":\"*\"}");
    PolicyRequest anySts = PolicyRequest.builder().roleSession(ROLE).action(Target.startingWith("sts:")).resource(Target.any())
        .context(RequestContext.builder().undeclaredKeysAbsent().build()).coverage(Coverage.ANY).build();
    assertThat(someActions.evaluate(anySts).type()).isEqualTo(DecisionType.ALLOW);
    assertThat(someActions.evaluate(anySts.toBuilder().coverage(Coverage.EVERY).build()).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
  }

  @Test
  void requestsAndContextsAreValues() {
    PolicyRequest a = request("s3:GetObject", "arn:aws:s3:::b/k", "aws:SourceVpce=v", null);
    PolicyRequest b = request("s3:GetObject", "arn:aws:s3:::b/k", "AWS:SOURCEVPCE=v", null);
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a.toString()).isEqualTo("s3:GetObject on arn:aws:s3:::b/k by a session of " + ROLE);
    assertThat(a.context().declared()).containsKey("aws:SourceVpce");
    assertThat(Target.startingWith("arn:aws:s3:::b/").toString()).isEqualTo("arn:aws:s3:::b/*");
  }
}
