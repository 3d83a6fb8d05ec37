package dev.vpctrain.core.internal.policy;

import static dev.vpctrain.core.internal.policy.PolicyTestSupport.policy;
import static dev.vpctrain.core.internal.policy.PolicyTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Principals of a SageMaker job's requests, one row per case: S3 sees a session of role/Job in
 * account 123456789012 whose session name SageMaker picks (empty caller: not known). Shorthands:
 * {@code ROLE}, {@code ROOT}, {@code ACCT} (bare account id), {@code SESS} (the session ARN with the
 * fixed name SageMaker), {@code SESS_ANY} (the session ARN with {@code *}). IAM's NotPrincipal rules:
 * a Deny exempts a session only when NotPrincipal names its account, its role and the session
 * itself; a wildcard cannot stand for "all sessions". Caller notation as in
 * {@link PolicyDecisionTableTest}.
 */
class PrincipalDecisionTableTest {
  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # ---- Deny with NotPrincipal: what exempts the job's session
      role only                 | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"ROLE"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      account root only         | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"ROOT"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      bare account id only      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"ACCT"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      role and account          | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["ROLE","ROOT"]},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      role and account id       | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["ACCT","ROLE"]},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      role and account, named   | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["ROLE","ROOT"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      fixed session, unknown    | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | | UNKNOWN
      fixed session, same name  | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | role:SageMaker | ALLOW
      fixed session, account id | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ACCT"]},"Action":"*","Resource":"*"}] | role:SageMaker | ALLOW
      fixed session, other name | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | role:Other | EXPLICIT_DENY
      session without account   | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      session without role      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROOT"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      session alone, unknown    | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"SESS"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      wildcard session          | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS_ANY","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      wildcard session, named   | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS_ANY","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      wildcard role             | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","arn:aws:iam::123456789012:role/*","ROOT"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      other role's session      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::123456789012:assumed-role/Other/SageMaker","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      session with a slash      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::123456789012:assumed-role/Job/a/b","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      other account             | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::210987654321:assumed-role/Job/SageMaker","arn:aws:iam::210987654321:role/Job","210987654321"]},"Action":"*","Resource":"*"}] | role:SageMaker | EXPLICIT_DENY
      NotPrincipal star         | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":"*","Action":"*","Resource":"*"}] | | ALLOW
      NotPrincipal AWS star     | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"*"},"Action":"*","Resource":"*"}] | | ALLOW
      NotPrincipal service      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"Service":"sagemaker.amazonaws.com"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      other role caller         | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | arn:aws:iam::123456789012:role/Other | EXPLICIT_DENY
      unknown caller            | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | unknown | UNKNOWN
      anonymous caller          | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["SESS","ROLE","ROOT"]},"Action":"*","Resource":"*"}] | anon | EXPLICIT_DENY
      condition false wins      | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":"ROLE"},"Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}] | | ALLOW
      other action unaffected   | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["ROLE","ROOT"]},"Action":"s3:DeleteObject","Resource":"*"}] | | ALLOW
      role path, session by name| [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::123456789012:assumed-role/Job/SageMaker","arn:aws:iam::123456789012:role/ml/Job","ROOT"]},"Action":"*","Resource":"*"}] | arn:aws:iam::123456789012:role/ml/Job | UNKNOWN
      role path, ARN by path    | [ALLOW_ALL,{"Effect":"Deny","NotPrincipal":{"AWS":["arn:aws:sts::123456789012:assumed-role/ml/Job/SageMaker","arn:aws:iam::123456789012:role/ml/Job","ROOT"]},"Action":"*","Resource":"*"}] | arn:aws:iam::123456789012:role/ml/Job | EXPLICIT_DENY
      # ---- Allow with Principal
      allow role                | {"Effect":"Allow","Principal":{"AWS":"ROLE"},"Action":"*","Resource":"*"} | | ALLOW
      allow account root        | {"Effect":"Allow","Principal":{"AWS":"ROOT"},"Action":"*","Resource":"*"} | | ALLOW
      allow fixed session       | {"Effect":"Allow","Principal":{"AWS":"SESS"},"Action":"*","Resource":"*"} | | UNKNOWN
      allow fixed session named | {"Effect":"Allow","Principal":{"AWS":"SESS"},"Action":"*","Resource":"*"} | role:SageMaker | ALLOW
      allow fixed session other | {"Effect":"Allow","Principal":{"AWS":"SESS"},"Action":"*","Resource":"*"} | role:Other | IMPLICIT_DENY
      allow session and role    | {"Effect":"Allow","Principal":{"AWS":["SESS","ROLE"]},"Action":"*","Resource":"*"} | | ALLOW
      allow wildcard session    | {"Effect":"Allow","Principal":{"AWS":"SESS_ANY"},"Action":"*","Resource":"*"} | | UNKNOWN
      allow wildcard role       | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/J*"},"Action":"*","Resource":"*"} | | UNKNOWN
      allow wildcard other role | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Oth*"},"Action":"*","Resource":"*"} | | IMPLICIT_DENY
      allow other role session  | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Other/SageMaker"},"Action":"*","Resource":"*"} | | IMPLICIT_DENY
      # ---- Deny with Principal
      deny role                 | [ALLOW_ALL,{"Effect":"Deny","Principal":{"AWS":"ROLE"},"Action":"*","Resource":"*"}] | | EXPLICIT_DENY
      deny fixed session        | [ALLOW_ALL,{"Effect":"Deny","Principal":{"AWS":"SESS"},"Action":"*","Resource":"*"}] | | UNKNOWN
      deny wildcard session     | [ALLOW_ALL,{"Effect":"Deny","Principal":{"AWS":"SESS_ANY"},"Action":"*","Resource":"*"}] | | UNKNOWN
      # ---- Allow with NotPrincipal (conservative: any part of the chain named excludes)
      allow NotPrincipal role   | {"Effect":"Allow","NotPrincipal":{"AWS":"ROLE"},"Action":"*","Resource":"*"} | | IMPLICIT_DENY
      allow NotPrincipal other  | {"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/Other"},"Action":"*","Resource":"*"} | | ALLOW
      allow NotPrincipal session| {"Effect":"Allow","NotPrincipal":{"AWS":"SESS"},"Action":"*","Resource":"*"} | | UNKNOWN
      """)
  void decides(String name, String statements, String caller, DecisionType expected) {
    String text = statements.replace("ALLOW_ALL", ALLOW_ALL)
        .replace("SESS_ANY", "arn:aws:sts::123456789012:assumed-role/Job/*")
        .replace("SESS", "arn:aws:sts::123456789012:assumed-role/Job/SageMaker")
        .replace("ROLE", "arn:aws:iam::123456789012:role/Job")
        .replace("ROOT", "arn:aws:iam::123456789012:root")
        .replace("ACCT", "123456789012");
    Decision d = policy(text).evaluate(request("s3:GetObject", "arn:aws:s3:::data/x", "", caller));
    assertThat(d.type()).as("%s: %s", name, d).isEqualTo(expected);
    if (d.isUnknown()) {
      assertThat(d.unknownKeys()).as(name).isNotEmpty();
    }
  }
}
