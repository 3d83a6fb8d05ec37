package dev.vpctrain.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * The wire log of {@code --debug}: each request's service, operation, method, URI and body, and each
 * response's status and body, at debug level (the URL connection HTTP client has no wire log of its
 * own). Bodies of the query, JSON and XML protocols are shown, up to {@link #MAX_BODY} characters;
 * others are named by their content type only. Headers are not logged (they carry the signature and
 * the session token), and the values of members whose names say they are secret are replaced with
 * {@code [redacted]} in bodies and in the URI's query: {@code *Secret*} ({@code SecretAccessKey}),
 * {@code *Password*}, {@code *Token} except pagination tokens ({@code SessionToken}, {@code accessToken}),
 * {@code *PrivateKey*}, {@code KeyMaterial}, {@code Plaintext}, {@code *ApiKey*}, {@code *Signature*}.
 * The response body is read once and handed on to the SDK as a fresh stream.
 */
final class WireLog implements ExecutionInterceptor {
  /** The longest body shown, in characters; a longer one is cut and says so. */
  static final int MAX_BODY = 4096;

  static final String REDACTED = "[redacted]";

  private static final Set<String> SECRET_WORDS = Set.of("secret", "password", "passwd", "privatekey", "keymaterial",
      "plaintext", "apikey", "signature", "authorization");
  private static final Set<String> PAGINATION_TOKENS = Set.of("nexttoken", "nextforwardtoken", "nextbackwardtoken",
      "continuationtoken", "nextcontinuationtoken", "paginationtoken", "clienttoken", "idempotencytoken");
  /** A JSON member whose value is a string: name, the colon, value. */
  private static final Pattern JSON_MEMBER = Pattern.compile("\"((?:[^\"\\\\]++|\\\\.)*+)\"(\\s*+:\\s*+)\"(?:[^\"\\\\]++|\\\\.)*+\"");
  /** An XML element holding text only: name (with its local part), attributes, text. */
  private static final Pattern XML_TEXT = Pattern.compile("<((?:[\\w.-]+:)?([\\w.-]+))(\\s[^>]*+)?>[^<]*+</\\1>");
  /** A parameter of a form or query string: name, value. */
  private static final Pattern PARAMETER = Pattern.compile("(^|&)([^=&]++)=([^&]*+)");

  private final Logger log;

  WireLog(Logger log) {
    this.log = log;
  }

  /** The wire log when its logger is at debug level ({@code --debug}), else empty: nothing to install. */
  static Optional<WireLog> ifDebug() {
    Logger log = LoggerFactory.getLogger(WireLog.class);
    return log.isDebugEnabled() ? Optional.of(new WireLog(log)) : Optional.empty();
  }

  @Override
  public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
    if (!log.isDebugEnabled()) {
      return;
    }
    SdkHttpRequest request = context.httpRequest();
    Optional<String> type = request.firstMatchingHeader("Content-Type")
        .or(() -> context.requestBody().map(RequestBody::contentType));
    // what goes on the wire: the full request's body (the query protocol's form is moved there), else the SDK's
    Optional<ContentStreamProvider> content = request instanceof SdkHttpFullRequest
        ? ((SdkHttpFullRequest) request).contentStreamProvider() : Optional.empty();
    String body = content.or(() -> context.requestBody().map(RequestBody::contentStreamProvider))
        .map(c -> shown(type, () -> read(c))).orElse("");
    log.debug("-> {} {} {} {}{}", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), request.method(), uri(request.getUri()), body);
  }

  @Override
  public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
      ExecutionAttributes attributes) {
    Optional<InputStream> content = context.responseBody();
    if (!log.isDebugEnabled()) {
      return content;
    }
    SdkHttpResponse response = context.httpResponse();
    Optional<String> type = response.firstMatchingHeader("Content-Type");
    Optional<InputStream> handedOn = content;
    String body = "";
    if (content.isPresent() && textual(type)) {
      byte[] bytes;
      try (InputStream in = content.get()) {
        bytes = in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      handedOn = Optional.of(new ByteArrayInputStream(bytes));
      body = shown(type, () -> new String(bytes, StandardCharsets.UTF_8));
    } else if (content.isPresent()) {
      body = shown(type, () -> "");
    }
    log.debug("<- {} {} {}{}", attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
        attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), response.statusCode(), body);
    return handedOn;
  }

  /** A body as logged: on its own lines, redacted and cut; or its content type when it is not text. */
  private static String shown(Optional<String> type, Supplier<String> text) {
    if (type.isEmpty()) {
      return ""; // no content type: no body (a GET, a HEAD, an empty answer)
    }
    if (!textual(type)) {
      return " (a body of type " + type.get() + ", not shown)";
    }
    String body = redact(text.get(), type.get());
    if (body.isEmpty()) {
      return "";
    }
    if (body.length() > MAX_BODY) {
      body = body.substring(0, MAX_BODY) + "... [truncated: " + body.length() + " characters in all]";
    }
    return "\n" + body;
  }

  /** True for the bodies of the query, JSON and XML protocols. */
  static boolean textual(Optional<String> type) {
    String t = type.orElse("").toLowerCase(Locale.ROOT);
    return t.startsWith("application/x-www-form-urlencoded") || t.contains("json") || t.contains("xml")
        || t.startsWith("text/");
  }

  private static String read(ContentStreamProvider body) {
    try (InputStream in = body.newStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(body unreadable: " + e.getMessage() + ")";
    }
  }

  /** {@code uri} with the secret values of its query redacted. */
  private static String uri(URI uri) {
    String query = uri.getRawQuery();
    if (query == null) {
      return uri.toString();
    }
    String s = uri.toString();
    return s.substring(0, s.indexOf('?') + 1) + redactParameters(query);
  }

  /**
   * {@code body} with the values of its secret members replaced by {@link #REDACTED}: JSON string
   * members, XML elements holding text, and, in a form ({@code type} form-urlencoded), its parameters.
   */
  static String redact(String body, String type) {
    String s = replace(JSON_MEMBER, body, m -> secret(unescape(m.group(1)))
        ? "\"" + m.group(1) + "\"" + m.group(2) + "\"" + REDACTED + "\"" : m.group());
    s = replace(XML_TEXT, s, m -> secret(m.group(2))
        ? "<" + m.group(1) + (m.group(3) == null ? "" : m.group(3)) + ">" + REDACTED + "</" + m.group(1) + ">" : m.group());
    if (type.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
      s = redactParameters(s);
    }
    return s;
  }

  private static String redactParameters(String form) {
    return replace(PARAMETER, form, m -> secret(URLDecoder.decode(m.group(2), StandardCharsets.UTF_8))
        ? m.group(1) + m.group(2) + "=" + REDACTED : m.group());
  }

  private static String replace(Pattern p, String s, Function<MatchResult, String> with) {
    return p.matcher(s).replaceAll(m -> Matcher.quoteReplacement(with.apply(m)));
  }

  private static String unescape(String jsonString) {
    return jsonString.replace("\\\"", "\"").replace("\\\\", "\\");
  }

  /**
   * Whether a member named {@code name} holds a secret, by the last part of its name ({@code
   * Credentials.SecretAccessKey}, {@code sts:SessionToken}), ignoring case, {@code -} and {@code _}.
   */
  static boolean secret(String name) {
    String local = name.substring(Math.max(name.lastIndexOf('.'), name.lastIndexOf(':')) + 1)
        .toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
    if (local.endsWith("token") && !PAGINATION_TOKENS.contains(local)) {
      return true;
    }
    return SECRET_WORDS.stream().anyMatch(local::contains);
  }
}
