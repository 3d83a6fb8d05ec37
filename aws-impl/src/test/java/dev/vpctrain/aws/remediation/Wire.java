package dev.vpctrain.aws.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vpctrain.aws.testing.AwsTestClients;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;

/** SDK clients pointed at WireMock (the shared test clients), and EC2 query-protocol responses in the wire format. */
final class Wire {
  static final String EC2_NS = "http://ec2.amazonaws.com/doc/2016-11-15/";

  private Wire() {}

  static Ec2Client ec2(WireMockExtension wm) {
    return AwsTestClients.ec2(wm.baseUrl());
  }

  static S3Client s3(WireMockExtension wm) {
    return AwsTestClients.s3(wm.baseUrl());
  }

  /** A POST of EC2 action {@code action}. */
  static MappingBuilder action(String action) {
    return post(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&"));
  }

  /** A 200 answer {@code <ActionResponse>body</ActionResponse>}. */
  static MappingBuilder ok(MappingBuilder m, String action, String body) {
    return m.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + action + "Response xmlns=\"" + EC2_NS + "\">"
            + "<requestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</requestId>" + body + "</" + action + "Response>"));
  }

  /** An EC2 error answer: {@code <Response><Errors><Error><Code>…}. */
  static MappingBuilder error(MappingBuilder m, int status, String code, String message) {
    return m.willReturn(aResponse().withStatus(status).withHeader("Content-Type", "text/xml;charset=UTF-8")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Response><Errors><Error><Code>" + code + "</Code><Message>"
            + message + "</Message></Error></Errors><RequestID>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestID></Response>"));
  }

  /** A 412 {@code DryRunOperation}: EC2's answer to a dry run that would have succeeded. */
  static MappingBuilder dryRunOk(MappingBuilder m) {
    return error(m, 412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.");
  }

  static String gatewayEndpoint(String id, String vpc, String policy, String... routeTables) {
    StringBuilder rt = new StringBuilder();
    for (String r : routeTables) {
      rt.append("<item>").append(r).append("</item>");
    }
    return "<item><vpcEndpointId>" + id + "</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType><vpcId>" + vpc
        + "</vpcId><serviceName>com.amazonaws.us-east-1.s3</serviceName><state>available</state>"
        + (policy == null ? "" : "<policyDocument>" + xml(policy) + "</policyDocument>")
        + "<routeTableIdSet>" + rt + "</routeTableIdSet><subnetIdSet/><groupSet/><privateDnsEnabled>false</privateDnsEnabled>"
        + "<requesterManaged>false</requesterManaged><networkInterfaceIdSet/><dnsEntrySet/>"
        + "<creationTimestamp>2026-11-29T08:00:00.000Z</creationTimestamp><ownerId>123456789012</ownerId></item>";
  }

  /** The EC2 query requests WireMock received for {@code action}, oldest first. */
  static List<LoggedRequest> requests(Stubbing wm, String action) {
    return wm.findAll(postRequestedFor(urlEqualTo("/")).withRequestBody(containing("Action=" + action + "&")));
  }

  /** The one request WireMock received for {@code action} (fails unless there is exactly one). */
  static LoggedRequest only(Stubbing wm, String action) {
    List<LoggedRequest> all = requests(wm, action);
    assertThat(all).as("requests of " + action).hasSize(1);
    return all.get(0);
  }

  /** The decoded form parameters of a query-protocol request body, in order. */
  static Map<String, String> form(LoggedRequest r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : r.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(k, v);
    }
    return out;
  }

  static String xml(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
