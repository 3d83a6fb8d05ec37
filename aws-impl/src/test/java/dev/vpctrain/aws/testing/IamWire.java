package dev.vpctrain.aws.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.junit.Stubbing;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The IAM query protocol (form-encoded POST bodies, XML in the {@code 2010-05-08} namespace, policy
 * documents RFC 3986 URL-encoded inside the XML) and the KMS JSON 1.1 protocol
 * ({@code X-Amz-Target: TrentService.…}), for hand-written WireMock stubs.
 */
public final class IamWire {
  public static final String NS = "https://iam.amazonaws.com/doc/2010-05-08/";
  public static final String VERSION = "&Version=2010-05-08";

  private IamWire() {}

  /** A form value as the SDK encodes it ({@code :} and {@code /} escaped). */
  public static String form(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
        .replace("%7E", "~");
  }

  /** A policy document as the IAM API returns it: RFC 3986 percent-encoded JSON. */
  public static String urlEncoded(String json) {
    return URLEncoder.encode(json, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** {@code <ActionResponse><ActionResult>result</ActionResult><ResponseMetadata>…}. */
  public static String response(String action, String result) {
    return "<" + action + "Response xmlns=\"" + NS + "\">\n  <" + action + "Result>\n" + result + "\n  </" + action
        + "Result>\n  <ResponseMetadata>\n    <RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId>\n"
        + "  </ResponseMetadata>\n</" + action + "Response>\n";
  }

  /** An IAM error response: {@code <ErrorResponse><Error><Type>Sender</Type><Code>…}. */
  public static String error(String code, String message) {
    return "<ErrorResponse xmlns=\"" + NS + "\">\n  <Error>\n    <Type>Sender</Type>\n    <Code>" + code
        + "</Code>\n    <Message>" + message + "</Message>\n  </Error>\n"
        + "  <RequestId>4c2b1d9e-0f3a-4b5c-8d6e-7f8091a2b3c4</RequestId>\n</ErrorResponse>\n";
  }

  public static ResponseDefinitionBuilder xml(int status, String body) {
    return aResponse().withStatus(status).withHeader("Content-Type", "text/xml").withBody(body);
  }

  /** Answers exactly the form body {@code body} with {@code status} and {@code xml}. */
  public static void stubIam(Stubbing wm, String body, int status, String xml) {
    wm.stubFor(post(urlEqualTo("/")).withRequestBody(equalTo(body)).willReturn(xml(status, xml)));
  }

  /** Answers the KMS operation {@code op} with the request body {@code request} by {@code json}. */
  public static void stubKms(Stubbing wm, String op, String request, int status, String json) {
    ResponseDefinitionBuilder r = aResponse().withStatus(status).withHeader("Content-Type", "application/x-amz-json-1.1")
        .withBody(json);
    wm.stubFor(post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("TrentService." + op))
        .withRequestBody(equalToJson(request)).willReturn(r));
  }
}
