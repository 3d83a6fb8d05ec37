package dev.vpctrain.core.internal.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PolicyParseTest {

  @Test
  void readsSingleObjectsAndArraysAlike() {
    Policy single = Policy.parse("{\"Version\":\"2012-10-17\",\"Id\":\"p1\",\"Statement\":{\"Sid\":\"Only\",\"Effect\":\"Allow\","
        + "\"Principal\":\"*\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}}", "policy of vpce-1");
    assertThat(single.version()).contains("2012-10-17");
    assertThat(single.id()).contains("p1");
    assertThat(single.source()).contains("policy of vpce-1");
    assertThat(single.statements()).hasSize(1);
    Statement s = single.statements().get(0);
    assertThat(s.path()).isEqualTo("Statement");
    assertThat(s.label()).isEqualTo("statement \"Only\" (Statement)");
    assertThat(s.actionPatterns()).containsExactly("s3:GetObject");
    assertThat(s.resourcePatterns()).containsExactly("arn:aws:s3:::b/*");
    assertThat(s.appliesToEveryone()).isTrue();
    assertThat(s.effect()).isEqualTo(Effect.ALLOW);

    Policy many = Policy.parse("{\"Statement\":[{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":[\"111111111111\"]},"
        + "\"NotAction\":[\"s3:Get*\",\"s3:List*\"],\"NotResource\":\"arn:aws:s3:::b\"},"
        + "{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\",\"Condition\":{\"StringEquals\":{\"aws:SourceVpce\":\"v\"},"
        + "\"Bool\":{\"aws:SecureTransport\":true}}}]}", null);
    assertThat(many.version()).isEmpty();
    Statement d = many.statements().get(0);
    assertThat(d.label()).isEqualTo("Statement[0]");
    assertThat(d.isNotPrincipal()).isTrue();
    assertThat(d.isNotAction()).isTrue();
    assertThat(d.isNotResource()).isTrue();
    assertThat(d.appliesToEveryone()).isFalse();
    Statement a = many.statements().get(1);
    assertThat(a.index()).isEqualTo(1);
    assertThat(a.conditionKeys()).containsExactly("aws:SourceVpce", "aws:SecureTransport");
    assertThat(a.hasConditions()).isTrue();
    assertThat(a.coversEverything()).isFalse();
  }

  @Test
  void coversEverythingMeansTheDefaultFullAccessStatement() {
    String full = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    assertThat(Policy.parse(full, null).statements().get(0).coversEverything()).isTrue();
    String s3All = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    assertThat(Policy.parse(s3All, null).statements().get(0).coversEverything()).isFalse();
    String limited = "{\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"arn:aws:s3:::b/*\"}]}";
    assertThat(Policy.parse(limited, null).statements().get(0).coversEverything()).isFalse();
  }

  @Test
  void variablesAreLiteralOutsideVersion2012() {
    String doc = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
        + "\"Resource\":\"arn:aws:s3:::b/${aws:username}\"}]}";
    Policy p = Policy.parse(doc, null);
    PolicyRequest literal = PolicyTestSupport.request("s3:GetObject", "arn:aws:s3:::b/${aws:username}", "aws:username=ann", null);
    PolicyRequest substituted = PolicyTestSupport.request("s3:GetObject", "arn:aws:s3:::b/ann", "aws:username=ann", null);
    assertThat(p.evaluate(literal).type()).isEqualTo(DecisionType.ALLOW);
    assertThat(p.evaluate(substituted).type()).isEqualTo(DecisionType.IMPLICIT_DENY);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `[]`                                                            | policy of vpce-1: line 1 column 1: expected an object but found an array
      `{"Version":"2012-10-17"}`                                     | policy of vpce-1: line 1 column 1: missing required member "Statement"
      `{"Statement":[],"Versoin":"2012-10-17"}`                      | policy of vpce-1: line 1 column 27 (Versoin): unknown policy element "Versoin" (a policy has Version, Id and Statement)
      `{"Version":"2012-10-18","Statement":[]}`                      | policy of vpce-1: line 1 column 12 (Version): expected "2012-10-17" or "2008-10-17" but found "2012-10-18"
      `{"Statement":"x"}`                                             | policy of vpce-1: line 1 column 14 (Statement): expected an object or an array of objects but found a string
      `{"Statement":[{"Action":"*"}]}`                                | policy of vpce-1: line 1 column 15 (Statement[0]): missing required member "Effect"
      `{"Statement":[{"Effect":"allow","Action":"*"}]}`               | policy of vpce-1: line 1 column 25 (Statement[0].Effect): expected "Allow" or "Deny" but found "allow"
      `{"Statement":[{"Effect":7,"Action":"*"}]}`                     | policy of vpce-1: line 1 column 25 (Statement[0].Effect): expected a string but found a number (7)
      `{"Statement":[{"Effect":"Allow"}]}`                            | policy of vpce-1: line 1 column 15 (Statement[0]): missing required member "Action" (or "NotAction")
      `{"Statement":[{"Effect":"Allow","Action":"*","NotAction":"*"}]}` | policy of vpce-1: line 1 column 58 (Statement[0].NotAction): a statement may have "Action" or "NotAction", not both
      `{"Statement":[{"Effect":"Allow","Action":"*","Resources":"*"}]}` | policy of vpce-1: line 1 column 58 (Statement[0].Resources): unknown statement element "Resources" (expected Sid, Effect, Principal, NotPrincipal, Action, NotAction, Resource, NotResource, Condition)
      `{"Statement":[{"Effect":"Allow","Action":"GetObject"}]}`       | policy of vpce-1: line 1 column 42 (Statement[0].Action): expected an action such as "s3:GetObject" or "*" but found "GetObject"
      `{"Statement":[{"Effect":"Allow","Action":[]}]}`                | policy of vpce-1: line 1 column 42 (Statement[0].Action): expected at least one value but the array is empty
      `{"Statement":[{"Effect":"Allow","Action":["s3:*",1]}]}`        | policy of vpce-1: line 1 column 50 (Statement[0].Action[1]): expected a string but found a number (1)
      `{"Statement":[{"Effect":"Allow","Action":"*","Resource":"bucket/*"}]}` | policy of vpce-1: line 1 column 57 (Statement[0].Resource): expected "*" or an ARN (arn:partition:service:region:account:resource) but found "bucket/*"
      `{"Statement":[{"Effect":"Allow","Action":"*","Principal":"me"}]}` | policy of vpce-1: line 1 column 58 (Statement[0].Principal): expected "*" or an object such as {"AWS": "arn:aws:iam::123456789012:root"} but found "me"
      `{"Statement":[{"Effect":"Allow","Action":"*","Principal":{"Aws":"*"}}]}` | policy of vpce-1: line 1 column 65 (Statement[0].Principal.Aws): unknown principal type "Aws" (expected AWS, Service, Federated or CanonicalUser)
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEqual":{"k":"v"}}}]}` | policy of vpce-1: line 1 column 73 (Statement[0].Condition.StringEqual): unknown condition operator "StringEqual" (expected for example StringEquals, StringLike, ArnLike, IpAddress, NumericLessThan, DateGreaterThan, Bool, Null, with an optional IfExists suffix and ForAnyValue: or ForAllValues: prefix)
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"NullIfExists":{"k":"true"}}}]}` | policy of vpce-1: line 1 column 74 (Statement[0].Condition.NullIfExists): condition operator "NullIfExists" is not valid: Null takes neither IfExists nor ForAnyValue:/ForAllValues:
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEquals":"v"}}]}` | policy of vpce-1: line 1 column 74 (Statement[0].Condition.StringEquals): expected an object but found a string
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEquals":{"k":[]}}}]}` | policy of vpce-1: line 1 column 79 (Statement[0].Condition.StringEquals.k): expected at least one value but the array is empty
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"StringEquals":{"k":null}}}]}` | policy of vpce-1: line 1 column 79 (Statement[0].Condition.StringEquals.k): expected a string, number or boolean but found null
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","10.0.0.0/33"]}}}]}` | policy of vpce-1: line 1 column 101 (Statement[0].Condition.IpAddress.aws:SourceIp[1]): expected an IP address or CIDR block such as "203.0.113.0/24" for IpAddress but found "10.0.0.0/33"
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"NumericLessThan":{"k":"ten"}}}]}` | policy of vpce-1: line 1 column 82 (Statement[0].Condition.NumericLessThan.k): expected a number for NumericLessThan but found "ten"
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"DateLessThan":{"k":"tomorrow"}}}]}` | policy of vpce-1: line 1 column 79 (Statement[0].Condition.DateLessThan.k): expected a date such as "2026-01-31T00:00:00Z" (ISO 8601) or epoch seconds for DateLessThan but found "tomorrow"
      `{"Statement":[{"Effect":"Allow","Action":"*","Condition":{"Null":{"k":"yes"}}}]}` | policy of vpce-1: line 1 column 71 (Statement[0].Condition.Null.k): expected true or false for Null but found "yes"
      `{"Statement":[{"Effect":"Allow","Action":"*"},]}`             | policy of vpce-1: line 1 column 47 (Statement[1]): expected a JSON value but found ']' (trailing comma)
      """)
  void rejectsMalformedPoliciesNamingTheLocation(String json, String message) {
    assertThatThrownBy(() -> Policy.parse(json, "policy of vpce-1"))
        .isInstanceOf(PolicyParseException.class)
        .hasMessage(message);
    ParsedPolicy parsed = Policy.tryParse(json, "policy of vpce-1");
    assertThat(parsed.isValid()).isFalse();
    assertThat(parsed.policy()).isEmpty();
    assertThat(parsed.error().get().getMessage()).isEqualTo(message);
  }

  @Test
  void errorsPointIntoMultiLinePolicies() {
    String doc = "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n    {\n      \"Effect\": \"Allow\",\n"
        + "      \"Action\": \"s3:GetObject\",\n      \"Resource\": \"*\",\n      \"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0\"}}\n"
        + "    }\n  ]\n}";
    ParsedPolicy p = Policy.tryParse(doc, "bucket policy of acme-ml-data");
    PolicyParseException e = p.error().orElseThrow();
    assertThat(e.line()).isEqualTo(8);
    assertThat(e.path()).isEqualTo("Statement[0].Condition.IpAddress.aws:SourceIp");
    assertThat(e.getMessage()).startsWith("bucket policy of acme-ml-data: line 8 column 51 (Statement[0].Condition.IpAddress.aws:SourceIp): ");
  }

  @Test
  void tryParseReturnsValidPolicies() {
    ParsedPolicy p = Policy.tryParse("{\"Statement\":[]}", "x");
    assertThat(p.isValid()).isTrue();
    assertThat(p.error()).isEmpty();
    assertThat(p.policy().get().statements()).isEmpty();
    assertThat(p.policy().get().evaluate(PolicyTestSupport.request("s3:GetObject", "arn:aws:s3:::b/k", "", null)).type())
        .isEqualTo(DecisionType.IMPLICIT_DENY);
  }
}
