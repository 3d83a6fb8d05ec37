package dev.vpctrain.core.internal.policy;

import static dev.vpctrain.core.internal.policy.PolicyTestSupport.policy;
import static dev.vpctrain.core.internal.policy.PolicyTestSupport.request;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One row per IAM rule: statements, request (action, resource, context, caller) and the expected
 * decision. Context notation: {@code key=v1,v2; key=absent; key=unknown}; keys not named are absent
 * unless {@code *=unknown}. Caller: empty = a session of role/Job, {@code role:<session>},
 * {@code anon}, {@code unknown}, or another role ARN. {@code prefix:} = every name with that prefix.
 */
class PolicyDecisionTableTest {
  private static final String ALLOW_ALL = "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
      # ---- actions and resources
      allow exact               | {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/x"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      no statement matches      | {"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/x"} | s3:PutObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      action case-insensitive   | {"Effect":"Allow","Action":"S3:getOBJECT","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      action star               | {"Effect":"Allow","Action":"s3:Get*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      action star no match      | {"Effect":"Allow","Action":"s3:Get*","Resource":"*"} | s3:PutObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      action question mark      | {"Effect":"Allow","Action":"s3:?etObjec?","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      action all                | {"Effect":"Allow","Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      action other service      | {"Effect":"Allow","Action":"ec2:*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      action list               | {"Effect":"Allow","Action":["s3:PutObject","s3:GetObject"],"Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      resource case-sensitive   | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::DATA/*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      resource star             | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/*"} | s3:GetObject | arn:aws:s3:::data/a/b/c | | | ALLOW
      resource question mark    | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::dat?/?"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      object pattern not bucket | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/*"} | s3:ListBucket | arn:aws:s3:::data | | | IMPLICIT_DENY
      no Resource means all     | {"Effect":"Allow","Action":"s3:*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      # ---- explicit deny wins
      deny wins after allow     | [{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      deny wins before allow    | [{"Effect":"Deny","Action":"s3:GetObject","Resource":"*"},{"Effect":"Allow","Action":"*","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      deny alone                | {"Effect":"Deny","Action":"s3:*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      deny other action         | [{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:Delete*","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      # ---- NotAction / NotResource
      NotAction other           | {"Effect":"Allow","NotAction":"s3:PutObject","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      NotAction same            | {"Effect":"Allow","NotAction":"s3:PutObject","Resource":"*"} | s3:PutObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      NotAction ignores case    | {"Effect":"Allow","NotAction":["S3:PUTOBJECT"],"Resource":"*"} | s3:PutObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      NotAction deny            | [{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","NotAction":"s3:Get*","Resource":"*"}] | s3:PutObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      NotResource deny other    | [{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::data/*"]}] | s3:GetObject | arn:aws:s3:::other/x | | | EXPLICIT_DENY
      NotResource deny own      | [{"Effect":"Allow","Action":"*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::data/*"]}] | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      NotResource allow         | {"Effect":"Allow","Action":"*","NotResource":"arn:aws:s3:::secret/*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      # ---- principals
      principal star            | {"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      principal AWS star anon   | {"Effect":"Allow","Principal":{"AWS":"*"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | anon | ALLOW
      principal role            | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Job"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      principal other role      | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Other"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      principal role with path  | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/ml/Job"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | arn:aws:iam::123456789012:role/ml/Job | ALLOW
      principal account id      | {"Effect":"Allow","Principal":{"AWS":"123456789012"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      principal account root    | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      principal other account   | {"Effect":"Allow","Principal":{"AWS":"210987654321"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      principal service         | {"Effect":"Allow","Principal":{"Service":"sagemaker.amazonaws.com"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      principal list            | {"Effect":"Allow","Principal":{"AWS":["arn:aws:iam::111111111111:root","arn:aws:iam::123456789012:role/Job"]},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      principal session unknown | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Job/SageMaker"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | UNKNOWN
      principal session known   | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Job/SageMaker"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | role:SageMaker | ALLOW
      principal session other   | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Job/SageMaker"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | role:Other | IMPLICIT_DENY
      principal session star    | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Job/*"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | UNKNOWN
      principal other role sess | {"Effect":"Allow","Principal":{"AWS":"arn:aws:sts::123456789012:assumed-role/Other/x"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      principal anon vs role    | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Job"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | anon | IMPLICIT_DENY
      principal unknown caller  | {"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:role/Job"},"Action":"*","Resource":"*"} | s3:GetObject | arn:aws:s3:::data/x | | unknown | UNKNOWN
      NotPrincipal role only    | [{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/Job"},"Action":"*","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      NotPrincipal hits other   | [{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"},{"Effect":"Deny","NotPrincipal":{"AWS":"arn:aws:iam::123456789012:role/Job"},"Action":"*","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | | arn:aws:iam::123456789012:role/Other | EXPLICIT_DENY
      # ---- String operators
      StringEquals match        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringEquals mismatch     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-2 | | IMPLICIT_DENY
      StringEquals value case   | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=VPCE-1 | | IMPLICIT_DENY
      StringEquals values OR-ed | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":["vpce-0","vpce-1"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      key name ignores case     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"AWS:SOURCEVPCE":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      operator name ignores case| {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"stringequals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringEquals missing key  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      StringNotEquals other     | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-2 | | EXPLICIT_DENY
      StringNotEquals same      | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringNotEquals missing   | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=absent | | EXPLICIT_DENY
      StringNotEquals NOR       | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:SourceVpce":["vpce-0","vpce-1"]}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringEqualsIgnoreCase    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIgnoreCase":{"aws:SourceVpce":"VPCE-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringNotEqualsIgnoreCase | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEqualsIgnoreCase":{"aws:SourceVpce":"VPCE-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      StringLike star           | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"train/*"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=train/images/ | | ALLOW
      StringLike question mark  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"trai?/"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=train/ | | ALLOW
      StringLike mismatch       | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":["test/*","val/*"]}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=train/ | | IMPLICIT_DENY
      StringLike is cased       | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"Train/*"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=train/ | | IMPLICIT_DENY
      StringNotLike match       | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotLike":{"s3:prefix":"train/*"}}}] | s3:ListBucket | arn:aws:s3:::data | s3:prefix=train/a | | ALLOW
      StringNotLike other       | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotLike":{"s3:prefix":"train/*"}}}] | s3:ListBucket | arn:aws:s3:::data | s3:prefix=test/a | | EXPLICIT_DENY
      StringNotLike missing     | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotLike":{"s3:prefix":"train/*"}}}] | s3:ListBucket | arn:aws:s3:::data | | | EXPLICIT_DENY
      # ---- IfExists, Null, missing keys
      IfExists missing          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      IfExists present other    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-2 | | IMPLICIT_DENY
      IfExists present same     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1 | | ALLOW
      negated IfExists missing  | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEqualsIfExists":{"aws:SourceVpce":"vpce-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      BoolIfExists MFA trap     | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}] | s3:GetObject | arn:aws:s3:::data/x | | | EXPLICIT_DENY
      Null true absent          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:SourceIp":"true"}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      Null true present         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:SourceIp":"true"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=203.0.113.9 | | IMPLICIT_DENY
      Null false present        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:SourceIp":false}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=203.0.113.9 | | ALLOW
      Null false absent         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:SourceIp":"false"}}} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      Null unknown              | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"Null":{"aws:PrincipalOrgID":"false"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | UNKNOWN
      # ---- unknown keys (three-valued)
      unknown key in allow      | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | UNKNOWN
      unknown key in deny       | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | UNKNOWN
      unknown allow, other allow| [ALLOW_ALL,{"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | ALLOW
      unknown deny, known deny  | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}},{"Effect":"Deny","Action":"*","Resource":"*"}] | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | EXPLICIT_DENY
      unknown AND false is false| [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"},"StringEquals":{"aws:SourceVpce":"vpce-9"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown;aws:SourceVpce=vpce-1 | | ALLOW
      unknown deny other action | [ALLOW_ALL,{"Effect":"Deny","Action":"s3:Delete*","Resource":"*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:PrincipalOrgID=unknown | | ALLOW
      undeclared key is unknown | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | *=unknown | | UNKNOWN
      undeclared, declared wins | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"}}} | s3:GetObject | arn:aws:s3:::data/x | *=unknown;aws:SourceVpce=vpce-1 | | ALLOW
      # ---- ARN operators (aws:PrincipalArn comes from the caller)
      ArnEquals principal       | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/Job"}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      ArnLike wildcards         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/J?b"}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      ArnLike star per part     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:*:role/Job"}}} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      ArnLike mismatch          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnLike":{"aws:PrincipalArn":"arn:aws:iam::*:role/Other*"}}} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      ArnNotEquals same         | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/Job"}}}] | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      ArnNotEquals other        | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnNotEquals":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/Job"}}}] | s3:GetObject | arn:aws:s3:::data/x | | arn:aws:iam::123456789012:role/Other | EXPLICIT_DENY
      ArnNotLike same           | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/*"}}}] | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      ArnNotLike anonymous      | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"ArnNotLike":{"aws:PrincipalArn":"arn:aws:iam::123456789012:role/*"}}}] | s3:GetObject | arn:aws:s3:::data/x | | anon | EXPLICIT_DENY
      ArnEquals not an ARN      | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ArnEquals":{"aws:SourceArn":"arn:aws:s3:::data"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceArn=data | | IMPLICIT_DENY
      # ---- IP operators
      IpAddress in CIDR         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=203.0.113.9 | | ALLOW
      IpAddress outside         | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=198.51.100.1 | | IMPLICIT_DENY
      IpAddress single address  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":["198.51.100.1","203.0.113.9"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=203.0.113.9 | | ALLOW
      IpAddress IPv6            | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=2001:db8:0:1::5 | | ALLOW
      IpAddress IPv6 outside    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"2001:db8::/32"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=2001:db9::5 | | IMPLICIT_DENY
      IpAddress v4 vs v6        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=2001:db8::5 | | IMPLICIT_DENY
      IpAddress via endpoint    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"IpAddress":{"aws:SourceIp":"0.0.0.0/0"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=absent | | IMPLICIT_DENY
      NotIpAddress via endpoint | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=absent | | EXPLICIT_DENY
      NotIpAddress inside       | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"203.0.113.0/24"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SourceIp=203.0.113.200 | | ALLOW
      # ---- Numeric operators
      NumericEquals             | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericEquals":{"s3:max-keys":"100"}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=100.0 | | ALLOW
      NumericNotEquals          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericNotEquals":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=100 | | IMPLICIT_DENY
      NumericLessThan           | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=99.5 | | ALLOW
      NumericLessThan equal     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=100 | | IMPLICIT_DENY
      NumericLessThanEquals     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThanEquals":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=100 | | ALLOW
      NumericGreaterThan        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericGreaterThan":{"s3:max-keys":"1e2"}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=101 | | ALLOW
      NumericGreaterThanEquals  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericGreaterThanEquals":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=99 | | IMPLICIT_DENY
      Numeric context not number| {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"NumericLessThan":{"s3:max-keys":100}}} | s3:ListBucket | arn:aws:s3:::data | s3:max-keys=ten | | IMPLICIT_DENY
      # ---- Date operators
      DateLessThan              | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThan":{"aws:CurrentTime":"2027-01-01T00:00:00Z"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-29T08:00:00Z | | ALLOW
      DateGreaterThan           | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2027-01-01"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-29T08:00:00Z | | IMPLICIT_DENY
      DateEquals epoch          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateEquals":{"aws:CurrentTime":"1795939200"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-29T08:00:00Z | | ALLOW
      DateNotEquals             | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateNotEquals":{"aws:CurrentTime":"2026-11-29T09:00:00+01:00"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-29T08:00:00Z | | IMPLICIT_DENY
      DateLessThanEquals        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateLessThanEquals":{"aws:CurrentTime":"2026-11-29T08:00:00Z"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-29T08:00:00Z | | ALLOW
      DateGreaterThanEquals     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"DateGreaterThanEquals":{"aws:CurrentTime":"2026-11-29"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:CurrentTime=2026-11-28T23:59:59Z | | IMPLICIT_DENY
      # ---- Bool, Binary
      Bool deny insecure, TLS   | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SecureTransport=true | | ALLOW
      Bool deny insecure, plain | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SecureTransport=false | | EXPLICIT_DENY
      Bool ignores case         | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"FALSE"}}}] | s3:GetObject | arn:aws:s3:::data/x | aws:SecureTransport=false | | EXPLICIT_DENY
      Bool missing              | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"Bool":{"aws:SecureTransport":"false"}}}] | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      BinaryEquals              | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"BinaryEquals":{"s3:x-amz-meta-k":"QmluYXJ5"}}} | s3:GetObject | arn:aws:s3:::data/x | s3:x-amz-meta-k=QmluYXJ5 | | ALLOW
      # ---- set qualifiers
      ForAnyValue one matches   | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=c,b | | ALLOW
      ForAnyValue none          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=c,d | | IMPLICIT_DENY
      ForAnyValue absent        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      ForAllValues all match    | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=b,a | | ALLOW
      ForAllValues one outside  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=a,c | | IMPLICIT_DENY
      ForAllValues absent true  | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["a","b"]}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      ForAnyValue negated       | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"a"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=a,b | | ALLOW
      ForAnyValue negated all in| {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"a"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=a | | IMPLICIT_DENY
      ForAllValues negated      | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringNotLike":{"aws:TagKeys":"secret*"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=a,secret-x | | IMPLICIT_DENY
      ForAllValues StringLike   | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAllValues:StringLike":{"aws:TagKeys":"team/*"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:TagKeys=team/a,team/b | | ALLOW
      ForAnyValue IfExists      | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"a"}}} | s3:GetObject | arn:aws:s3:::data/x | | | ALLOW
      # ---- several keys and operators are AND-ed
      two keys both             | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1","aws:SourceVpc":"vpc-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1;aws:SourceVpc=vpc-1 | | ALLOW
      two keys one wrong        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1","aws:SourceVpc":"vpc-1"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1;aws:SourceVpc=vpc-2 | | IMPLICIT_DENY
      two operators one wrong   | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"},"Bool":{"aws:SecureTransport":"true"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1;aws:SecureTransport=false | | IMPLICIT_DENY
      two operators both        | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:SourceVpce":"vpce-1"},"Bool":{"aws:SecureTransport":"true"}}} | s3:GetObject | arn:aws:s3:::data/x | aws:SourceVpce=vpce-1;aws:SecureTransport=true | | ALLOW
      # ---- policy variables
      variable in Resource      | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/${aws:PrincipalAccount}/*"} | s3:GetObject | arn:aws:s3:::data/123456789012/x | | | ALLOW
      variable in condition     | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}} | s3:ListBucket | arn:aws:s3:::data | aws:username=ann;s3:prefix=home/ann/x | | ALLOW
      variable absent           | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/${aws:username}/*"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=home/ann/x | | IMPLICIT_DENY
      variable unknown          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringLike":{"s3:prefix":"home/${aws:userid}/*"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=home/ann/x;aws:userid=unknown | | UNKNOWN
      variable default          | {"Effect":"Allow","Action":"*","Resource":"*","Condition":{"StringEquals":{"s3:prefix":"home/${aws:username, 'nobody'}/"}}} | s3:ListBucket | arn:aws:s3:::data | s3:prefix=home/nobody/ | | ALLOW
      variable value is literal | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/${aws:username}"} | s3:GetObject | arn:aws:s3:::data/x | aws:username=* | | IMPLICIT_DENY
      escape star is literal    | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/${*}"} | s3:GetObject | arn:aws:s3:::data/x | | | IMPLICIT_DENY
      escape star matches star  | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/${*}"} | s3:GetObject | arn:aws:s3:::data/* | | | ALLOW
      # ---- sets of resources and actions (coverage EVERY)
      allow covers prefix       | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/train/*"} | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | ALLOW
      allow broader             | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/*"} | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | ALLOW
      allow part of prefix      | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/train/*.jpg"} | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | IMPLICIT_DENY
      allow other prefix        | {"Effect":"Allow","Action":"*","Resource":"arn:aws:s3:::data/test/*"} | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | IMPLICIT_DENY
      deny inside prefix        | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::data/train/secret/*"}] | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | EXPLICIT_DENY
      deny elsewhere            | [ALLOW_ALL,{"Effect":"Deny","Action":"*","Resource":"arn:aws:s3:::data/test/*"}] | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | ALLOW
      NotResource inside prefix | [ALLOW_ALL,{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::data/train/*"}] | s3:GetObject | prefix:arn:aws:s3:::data/train/ | | | ALLOW
      NotResource wider prefix  | [ALLOW_ALL,{"Effect":"Deny","Action":"*","NotResource":"arn:aws:s3:::data/train/*"}] | s3:GetObject | prefix:arn:aws:s3:::data/ | | | EXPLICIT_DENY
      action set covered        | {"Effect":"Allow","Action":"STS:*","Resource":"*"} | prefix:sts: | * | | | ALLOW
      action set partly         | {"Effect":"Allow","Action":"sts:AssumeRole","Resource":"*"} | prefix:sts: | * | | | IMPLICIT_DENY
      """)
  void decides(String name, String statements, String action, String resource, String context, String caller, DecisionType expected) {
    Policy policy = policy(statements.replace("ALLOW_ALL", ALLOW_ALL));
    PolicyRequest request = request(action, resource, context, caller);
    Decision d = policy.evaluate(request);
    assertThat(d.type()).as("%s: %s", name, d).isEqualTo(expected);
  }
}
