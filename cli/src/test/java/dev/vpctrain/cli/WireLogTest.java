package dev.vpctrain.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.sso.SsoClient;
import software.amazon.awssdk.services.sso.model.RoleCredentials;

/**
 * The {@code --debug} wire log through the real SDK clients, answered by WireMock: request and
 * response bodies at debug level, secrets redacted, long bodies cut, and the response still read by
 * the SDK in full.
 */
class WireLogTest {
  static final String ACCESS_KEY = "AKIAWIRELOGTESTKEY01";
  static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYwirelogSECRET";
  static final String SESSION_TOKEN = "IQoJb3JpZ2luX2VjEWireLogSessionTOKEN";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

  /** A logger that keeps what it is asked to log, at debug level or not. */
  static final class Recorder extends LegacyAbstractLogger {
    private static final long serialVersionUID = 1L;
    final transient List<String> lines = new ArrayList<>();
    private final boolean debug;

    Recorder(boolean debug) {
      this.debug = debug;
      this.name = "dev.vpctrain.cli.WireLog";
    }

    String all() {
      return String.join("\n", lines);
    }

    @Override
    public boolean isTraceEnabled() {
      return false;
    }

    @Override
    public boolean isDebugEnabled() {
      return debug;
    }

    @Override
    public boolean isInfoEnabled() {
      return true;
    }

    @Override
    public boolean isWarnEnabled() {
      return true;
    }

    @Override
    public boolean isErrorEnabled() {
      return true;
    }

    @Override
    protected String getFullyQualifiedCallerName() {
      return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] args,
        Throwable t) {
      lines.add(level + " " + MessageFormatter.basicArrayFormat(message, args));
    }
  }

  static Ec2Client ec2(Recorder log) {
    return Ec2Client.builder().region(Region.US_WEST_2).endpointOverride(URI.create(wm.baseUrl()))
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsSessionCredentials.create(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new WireLog(log))).build();
  }

  static String subnets(int n) {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<DescribeSubnetsResponse xmlns=\"http://ec2.amazonaws.com/doc/2016-11-15/\">"
        + "<requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId><subnetSet>");
    for (int i = 0; i < n; i++) {
      sb.append(String.format("<item><subnetId>subnet-%017d</subnetId><vpcId>vpc-0a1b2c3d4e5f67890</vpcId>"
          + "<cidrBlock>10.0.%d.0/24</cidrBlock><availableIpAddressCount>250</availableIpAddressCount>"
          + "<availabilityZone>us-west-2a</availabilityZone></item>", i, i % 256));
    }
    return sb.append("</subnetSet></DescribeSubnetsResponse>").toString();
  }

  static void describeSubnetsAnswers(String xml) {
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(containing("Action=DescribeSubnets")).willReturn(aResponse()
        .withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8").withBody(xml)));
  }

  @Test
  void logsTheRequestAndTheXmlResponseOfDescribeSubnetsAndHandsTheBodyOnToTheSdk() {
    describeSubnetsAnswers(subnets(1));
    Recorder log = new Recorder(true);

    DescribeSubnetsResponse r;
    try (Ec2Client ec2 = ec2(log)) {
      r = ec2.describeSubnets(b -> b.subnetIds("subnet-00000000000000000"));
    }

    assertThat(r.subnets()).hasSize(1);
    assertThat(r.subnets().get(0).cidrBlock()).isEqualTo("10.0.0.0/24");
    assertThat(log.lines).hasSize(2);
    assertThat(log.lines.get(0)).startsWith("DEBUG -> ").contains("DescribeSubnets POST " + wm.baseUrl() + "\n")
        .contains("Action=DescribeSubnets&Version=2016-11-15&SubnetId.1=subnet-00000000000000000");
    assertThat(log.lines.get(1)).startsWith("DEBUG <- ").contains("DescribeSubnets 200\n")
        .contains("<subnetId>subnet-00000000000000000</subnetId>", "</DescribeSubnetsResponse>");
    assertThat(log.all()).doesNotContain(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, "Authorization", "Signature");
  }

  @Test
  void errorResponsesAreLoggedToo() {
    wm.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403)
        .withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>UnauthorizedOperation"
            + "</Code><Message>You are not authorized to perform this operation.</Message></Error></Errors>"
            + "<RequestID>r-1</RequestID></Response>")));
    Recorder log = new Recorder(true);

    try (Ec2Client ec2 = ec2(log)) {
      assertThatThrownBy(() -> ec2.describeSubnets()).isInstanceOf(Ec2Exception.class)
          .hasMessageContaining("You are not authorized");
    }

    assertThat(log.all()).contains("DescribeSubnets 403\n", "<Code>UnauthorizedOperation</Code>");
  }

  @Test
  void aLongBodyIsCutAndSaysSoWhileTheSdkReadsItAll() {
    String xml = subnets(60);
    describeSubnetsAnswers(xml);
    Recorder log = new Recorder(true);

    DescribeSubnetsResponse r;
    try (Ec2Client ec2 = ec2(log)) {
      r = ec2.describeSubnets();
    }

    assertThat(r.subnets()).hasSize(60);
    String response = log.lines.get(1);
    assertThat(response).endsWith("... [truncated: " + xml.length() + " characters in all]");
    assertThat(response.substring(response.indexOf('\n') + 1)).hasSize(WireLog.MAX_BODY
        + ("... [truncated: " + xml.length() + " characters in all]").length());
  }

  @Test
  void theCredentialsOfSsoGetRoleCredentialsAreRedacted() {
    wm.stubFor(get(urlPathEqualTo("/federation/credentials")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody("{\"roleCredentials\":{\"accessKeyId\":\"" + ACCESS_KEY
            + "\",\"secretAccessKey\":\"" + SECRET_KEY + "\",\"sessionToken\":\"" + SESSION_TOKEN
            + "\",\"expiration\":1795939500000}}")));
    Recorder log = new Recorder(true);

    RoleCredentials got;
    try (SsoClient sso = SsoClient.builder().region(Region.US_WEST_2).endpointOverride(URI.create(wm.baseUrl()))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(c -> c.addExecutionInterceptor(new WireLog(log))).build()) {
      got = sso.getRoleCredentials(b -> b.roleName("Training").accountId("210987654321")
          .accessToken("sso-bearer-token-value")).roleCredentials();
    }

    assertThat(got.secretAccessKey()).isEqualTo(SECRET_KEY);
    assertThat(got.sessionToken()).isEqualTo(SESSION_TOKEN);
    assertThat(log.all()).contains("GetRoleCredentials GET", "role_name=Training", "GetRoleCredentials 200",
            "\"accessKeyId\":\"" + ACCESS_KEY + "\"", "\"secretAccessKey\":\"[redacted]\"",
            "\"sessionToken\":\"[redacted]\"", "\"expiration\":1795939500000")
        .doesNotContain(SECRET_KEY, SESSION_TOKEN, "sso-bearer-token-value");
  }

  @Test
  void secretMembersAreRedactedInXmlJsonAndForms() {
    String sts = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><AssumeRoleResult>"
        + "<Credentials><AccessKeyId>ASIAEXAMPLE</AccessKeyId><SecretAccessKey>s3cr3t/key</SecretAccessKey>"
        + "<SessionToken>FwoGZXIvYXdzEXAMPLE</SessionToken><Expiration>2026-12-05T01:00:00Z</Expiration>"
        + "</Credentials></AssumeRoleResult></AssumeRoleResponse>";
    assertThat(WireLog.redact(sts, "text/xml"))
        .contains("<AccessKeyId>ASIAEXAMPLE</AccessKeyId>", "<SecretAccessKey>[redacted]</SecretAccessKey>",
            "<SessionToken>[redacted]</SessionToken>", "<Expiration>2026-12-05T01:00:00Z</Expiration>")
        .doesNotContain("s3cr3t", "FwoGZXIvYXdzEXAMPLE");

    String create = "{\"TrainingJobName\":\"j\",\"Environment\":{\"HF_TOKEN\":\"hf_abc\",\"DB_PASSWORD\":\"p\\\"w\","
        + "\"WANDB_API_KEY\":\"k\",\"EPOCHS\":\"3\"},\"NextToken\":\"page-2\"}";
    assertThat(WireLog.redact(create, "application/x-amz-json-1.1"))
        .isEqualTo("{\"TrainingJobName\":\"j\",\"Environment\":{\"HF_TOKEN\":\"[redacted]\",\"DB_PASSWORD\":\"[redacted]\","
            + "\"WANDB_API_KEY\":\"[redacted]\",\"EPOCHS\":\"3\"},\"NextToken\":\"page-2\"}");

    String form = "Action=CreateLoginProfile&UserName=bob&Password=hunter2&Version=2010-05-08";
    assertThat(WireLog.redact(form, "application/x-www-form-urlencoded; charset=utf-8"))
        .isEqualTo("Action=CreateLoginProfile&UserName=bob&Password=[redacted]&Version=2010-05-08");
    assertThat(WireLog.secret("Credentials.SecretAccessKey")).isTrue();
    assertThat(WireLog.secret("X-Amz-Security-Token")).isTrue();
    assertThat(WireLog.secret("nextForwardToken")).isFalse();
    assertThat(WireLog.secret("KmsKeyId")).isFalse();
  }

  @Test
  void withoutDebugNothingIsLoggedNorInstalled() {
    describeSubnetsAnswers(subnets(1));
    Recorder log = new Recorder(false);

    try (Ec2Client ec2 = ec2(log)) {
      assertThat(ec2.describeSubnets().subnets()).hasSize(1);
    }

    assertThat(log.lines).isEmpty();
    // the CLI's logging configuration keeps vpctrain's loggers at error level unless --debug
    assertThat(WireLog.ifDebug()).isEqualTo(Optional.empty());
  }
}
