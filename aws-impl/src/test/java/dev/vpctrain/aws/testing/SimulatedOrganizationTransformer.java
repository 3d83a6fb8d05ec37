package dev.vpctrain.aws.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.vpctrain.aws.testing.FakeAwsTransformer.Answer;
import dev.vpctrain.aws.testing.SimulatedOrganization.JobFacts;
import dev.vpctrain.aws.testing.SimulatedOrganization.JobKind;
import dev.vpctrain.aws.testing.SimulatedOrganization.World;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListHyperParameterTuningJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListProcessingJobsResponse;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsResponse;

/**
 * Answers the requests of a {@link SimulatedOrganization}: finds the calling account and region in
 * the SigV4 {@code Authorization} header, the service and operation in the request's shape
 * ({@code X-Amz-Target} for JSON 1.1, {@code Action}/{@code Version} of a query-protocol form for STS
 * and EC2, otherwise S3), counts the call, applies the account's disabled regions and the throttle,
 * and answers. EC2 and S3 are answered by {@link FakeAwsTransformer#answer} for the account-region's
 * {@link FakeAccount}.
 */
final class SimulatedOrganizationTransformer implements ResponseDefinitionTransformerV2 {
  static final String NAME = "simulated-organization";
  static final String STS_NS = "https://sts.amazonaws.com/doc/2011-06-15/";
  static final String JSON_TYPE = "application/x-amz-json-1.1";
  static final String ACCESS_KEY_SUFFIX = "SIMU";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int ORGANIZATIONS_MAX_PAGE = 20;
  private static final int SAGEMAKER_MAX_PAGE = 100;

  private enum Service {
    STS, ORGANIZATIONS, SAGEMAKER, OTHER_JSON, EC2, S3
  }

  /** The caller: its access key, the account it belongs to (null: an unknown temporary key) and the signing region. */
  private record Caller(String accessKey, String account, String region) {}

  private final SimulatedOrganization org;
  private final Map<String, TokenBucket> throttles = new ConcurrentHashMap<>();

  SimulatedOrganizationTransformer(SimulatedOrganization org) {
    this.org = org;
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean applyGlobally() {
    return false;
  }

  @Override
  public ResponseDefinition transform(ServeEvent serveEvent) {
    Request request = serveEvent.getRequest();
    Answer answer;
    try {
      answer = answer(request);
    } catch (RuntimeException e) {
      answer = jsonError(500, "InternalFailure", String.valueOf(e));
    }
    String requestId = UUID.randomUUID().toString();
    var response = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
        .withStatus(answer.status())
        .withHeader("Content-Type", answer.contentType())
        .withHeader("x-amzn-RequestId", requestId)
        .withHeader("x-amz-request-id", requestId);
    if (answer.errorType() != null) {
      response.withHeader("x-amzn-ErrorType", answer.errorType());
    }
    return response.withBody(answer.body()).build();
  }

  private Answer answer(Request request) {
    String method = request.getMethod().getName();
    String url = request.getUrl();
    String body = request.getBodyAsString();
    String target = request.getHeader("X-Amz-Target");
    Caller caller = caller(request.getHeader("Authorization"));
    Service service;
    String op;
    Map<String, String> form = Map.of();
    if (target != null) {
      int dot = target.indexOf('.');
      String prefix = dot < 0 ? target : target.substring(0, dot);
      op = target.substring(dot + 1);
      service = switch (prefix) {
        case "AWSOrganizationsV20161128" -> Service.ORGANIZATIONS;
        case "SageMaker" -> Service.SAGEMAKER;
        default -> Service.OTHER_JSON;
      };
    } else if (method.equals("POST")) {
      form = FakeAwsTransformer.form(body);
      op = form.getOrDefault("Action", "?");
      service = "2011-06-15".equals(form.get("Version")) ? Service.STS : Service.EC2;
    } else {
      service = Service.S3;
      op = s3Operation(method, url);
    }
    org.counted(op);
    if (caller.account() == null) {
      return invalidToken(service);
    }
    if (service != Service.S3 && service != Service.STS && org.disabled(caller.account(), caller.region())) {
      return invalidToken(service);
    }
    if (throttled(caller, op)) {
      org.throttledOnce(op);
      return throttle(service);
    }
    switch (service) {
      case STS:
        return sts(caller, form);
      case ORGANIZATIONS:
        return organizations(caller, op, json(body));
      case SAGEMAKER:
        return sageMaker(caller, op, json(body));
      case OTHER_JSON:
        return jsonError(400, "UnknownOperationException", null);
      case EC2:
        if (op.equals("DescribeRegions")) {
          return regions(caller);
        }
        World ec2 = org.world(caller.account(), caller.region());
        return FakeAwsTransformer.answer(ec2.fake(), method, url, body, null);
      case S3:
      default:
        World world = org.world(caller.account(), caller.region());
        return FakeAwsTransformer.answer(world.fake(), method, url, body, null);
    }
  }

  /** {@code ec2:DescribeRegions} with {@code AllRegions}: the organisation's regions, those disabled not opted in. */
  private Answer regions(Caller caller) {
    StringBuilder items = new StringBuilder("<regionInfo>");
    for (String r : org.regions()) {
      items.append("<item><regionName>").append(r).append("</regionName><regionEndpoint>ec2.").append(r)
          .append(".amazonaws.com</regionEndpoint><optInStatus>")
          .append(org.disabled(caller.account(), r) ? "not-opted-in" : "opt-in-not-required")
          .append("</optInStatus></item>");
    }
    items.append("</regionInfo>");
    return new Answer(200, "text/xml;charset=UTF-8", Ec2Xml.response("DescribeRegions", items.toString(), null));
  }

  // ---- callers, throttling ----

  /** {@code AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sts/aws4_request, SignedHeaders=…, Signature=…}. */
  private Caller caller(String authorization) {
    String key = "";
    String region = "us-east-1";
    if (authorization != null) {
      int at = authorization.indexOf("Credential=");
      if (at >= 0) {
        int end = authorization.indexOf(',', at);
        String[] scope = authorization.substring(at + "Credential=".length(), end < 0 ? authorization.length() : end)
            .trim().split("/", -1);
        key = scope[0];
        if (scope.length > 2) {
          region = scope[2];
        }
      }
    }
    return new Caller(key, accountOf(key), region);
  }

  /** The account of an access key: {@code ASIA<account>SIMU} the assumed account's, any other the management account's. */
  private String accountOf(String accessKey) {
    if (!accessKey.startsWith("ASIA")) {
      return org.managementAccount();
    }
    if (accessKey.length() != 20 || !accessKey.endsWith(ACCESS_KEY_SUFFIX)) {
      return null;
    }
    String account = accessKey.substring(4, 16);
    return org.memberIndex(account) >= 0 ? account : null;
  }

  private boolean throttled(Caller caller, String op) {
    double rate = org.config.callsPerSecond;
    if (rate <= 0) {
      return false;
    }
    int burst = org.config.burst;
    TokenBucket bucket = throttles.computeIfAbsent(caller.account() + "/" + caller.region() + "/" + op,
        k -> new TokenBucket(burst));
    return !bucket.take(rate, burst);
  }

  /** A bucket of {@code burst} tokens refilled continuously at the rate. */
  private static final class TokenBucket {
    private double tokens;
    private long last = System.nanoTime();

    TokenBucket(int burst) {
      tokens = burst;
    }

    synchronized boolean take(double perSecond, int burst) {
      long now = System.nanoTime();
      tokens = Math.min(burst, tokens + (now - last) / 1e9 * perSecond);
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return true;
      }
      return false;
    }
  }

  private static Answer throttle(Service service) {
    return switch (service) {
      case STS -> stsError(400, "Throttling", "Rate exceeded");
      case EC2 -> new Answer(503, "text/xml;charset=UTF-8", Ec2Xml.error("RequestLimitExceeded", "Request limit exceeded."));
      case S3 -> new Answer(503, "application/xml",
          FakeAwsTransformer.s3ErrorXml("SlowDown", "Please reduce your request rate.", ""));
      default -> jsonError(400, "ThrottlingException", "Rate exceeded");
    };
  }

  /** An unknown temporary key, or a region not enabled in the account. */
  private static Answer invalidToken(Service service) {
    return switch (service) {
      case STS -> stsError(403, "InvalidClientTokenId", "The security token included in the request is invalid.");
      case EC2 -> new Answer(401, "text/xml;charset=UTF-8",
          Ec2Xml.error("AuthFailure", "AWS was not able to validate the provided access credentials"));
      case S3 -> new Answer(403, "application/xml", FakeAwsTransformer.s3ErrorXml("InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.", ""));
      default -> jsonError(400, "UnrecognizedClientException", "The security token included in the request is invalid.");
    };
  }

  private static String s3Operation(String method, String url) {
    if (url.contains("?location")) {
      return "GetBucketLocation";
    }
    if (url.contains("?policy")) {
      return "GetBucketPolicy";
    }
    return method.equals("HEAD") ? "HeadBucket" : "S3 " + method;
  }

  // ---- STS ----

  private Answer sts(Caller caller, Map<String, String> form) {
    String action = form.getOrDefault("Action", "");
    if (action.equals("GetCallerIdentity")) {
      boolean management = caller.account().equals(org.managementAccount());
      String arn = management ? "arn:aws:iam::" + caller.account() + ":user/auditor"
          : "arn:aws:sts::" + caller.account() + ":assumed-role/" + org.roleName() + "/vpctrain";
      return stsOk(action, new Xml().el("Arn", arn).el("UserId", management ? "AIDASIMULATEDAUDITOR"
          : "AROASIMULATEDAUDIT01:vpctrain").el("Account", caller.account()).toString());
    }
    if (!action.equals("AssumeRole")) {
      return stsError(400, "InvalidAction", "Could not find operation " + action + " for version 2011-06-15");
    }
    String roleArn = form.getOrDefault("RoleArn", "");
    String session = form.getOrDefault("RoleSessionName", "session");
    String[] parts = roleArn.split(":", 6);
    if (parts.length < 6 || !parts[0].equals("arn") || !parts[2].equals("iam") || !parts[5].startsWith("role/")) {
      return stsError(400, "ValidationError", "1 validation error detected: Value '" + roleArn
          + "' at 'roleArn' failed to satisfy constraint: Member must satisfy regular expression pattern: "
          + "[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+");
    }
    String account = parts[4];
    String role = parts[5].substring(parts[5].lastIndexOf('/') + 1);
    if (org.memberIndex(account) < 0 || !role.equals(org.roleName()) || org.denied(account)) {
      String who = caller.account().equals(org.managementAccount())
          ? "arn:aws:iam::" + caller.account() + ":user/auditor"
          : "arn:aws:sts::" + caller.account() + ":assumed-role/" + org.roleName() + "/vpctrain";
      return stsError(403, "AccessDenied", "User: " + who + " is not authorized to perform: sts:AssumeRole on resource: "
          + roleArn);
    }
    long duration = 3600;
    try {
      duration = Long.parseLong(form.getOrDefault("DurationSeconds", "3600"));
    } catch (NumberFormatException e) {
      // the default hour
    }
    Instant expiration = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(duration);
    String roleId = "AROA" + account + "ROLEID";
    String result = new Xml()
        .open("Credentials")
        .el("AccessKeyId", "ASIA" + account + ACCESS_KEY_SUFFIX)
        .el("SecretAccessKey", SimulatedOrganization.SECRET_PREFIX + account)
        .el("SessionToken", "IQoJb3JpZ2luX2VjE-simulated-" + account + "-" + UUID.randomUUID())
        .el("Expiration", DateTimeFormatter.ISO_INSTANT.format(expiration))
        .close("Credentials")
        .open("AssumedRoleUser")
        .el("AssumedRoleId", roleId + ":" + session)
        .el("Arn", "arn:aws:sts::" + account + ":assumed-role/" + role + "/" + session)
        .close("AssumedRoleUser")
        .toString();
    return stsOk(action, result);
  }

  private static Answer stsOk(String action, String result) {
    String xml = new Xml().open(action + "Response", STS_NS).open(action + "Result").raw(result)
        .close(action + "Result").open("ResponseMetadata").el("RequestId", UUID.randomUUID().toString())
        .close("ResponseMetadata").close(action + "Response").toString();
    return new Answer(200, "text/xml", xml);
  }

  static Answer stsError(int status, String code, String message) {
    String xml = new Xml().open("ErrorResponse", STS_NS).open("Error").el("Type", status >= 500 ? "Receiver" : "Sender")
        .el("Code", code).el("Message", message).close("Error").el("RequestId", UUID.randomUUID().toString())
        .close("ErrorResponse").toString();
    return new Answer(status, "text/xml", xml);
  }

  // ---- Organizations ----

  private Answer organizations(Caller caller, String op, JsonNode request) {
    if (!op.equals("ListAccounts")) {
      return jsonError(400, "UnknownOperationException", null);
    }
    if (!caller.account().equals(org.managementAccount())) {
      return jsonError(400, "AccessDeniedException", "You don't have permissions to access this resource.");
    }
    int max = ORGANIZATIONS_MAX_PAGE;
    if (request.hasNonNull("MaxResults")) {
      max = request.get("MaxResults").asInt();
      if (max < 1 || max > ORGANIZATIONS_MAX_PAGE) {
        return jsonError(400, "InvalidInputException", "You provided a value that does not match the required pattern.");
      }
    }
    max = Math.min(max, org.config.pageSize);
    List<String> ids = org.accountIds();
    Integer from = offset(request);
    if (from == null || from > ids.size()) {
      return jsonError(400, "InvalidInputException", "The provided token is not valid.");
    }
    int to = Math.min(ids.size(), from + max);
    List<Account> accounts = new ArrayList<>();
    for (String id : ids.subList(from, to)) {
      int index = org.memberIndex(id);
      accounts.add(Account.builder().id(id)
          .arn("arn:aws:organizations::" + org.managementAccount() + ":account/o-simulated01/" + id)
          .email("aws+" + org.accountName(id) + "@acme.example").name(org.accountName(id))
          .status("ACTIVE").joinedMethod("CREATED")
          .joinedTimestamp(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(3600L * index)).build());
    }
    return jsonOk(ListAccountsResponse.builder().accounts(accounts).nextToken(token(to, ids.size())).build());
  }

  // ---- SageMaker ----

  private Answer sageMaker(Caller caller, String op, JsonNode request) {
    World world = org.world(caller.account(), caller.region());
    String account = caller.account();
    String region = caller.region();
    switch (op) {
      case "ListTrainingJobs":
        return list(world, request, JobKind.TRAINING, page -> ListTrainingJobsResponse.builder()
            .trainingJobSummaries(page.jobs.stream().map(j -> SimulatedSageMaker.trainingSummary(j, account, region))
                .toList()).nextToken(page.next).build());
      case "ListProcessingJobs":
        return list(world, request, JobKind.PROCESSING, page -> ListProcessingJobsResponse.builder()
            .processingJobSummaries(page.jobs.stream()
                .map(j -> SimulatedSageMaker.processingSummary(j, account, region)).toList())
            .nextToken(page.next).build());
      case "ListHyperParameterTuningJobs":
        return list(world, request, JobKind.TUNING, page -> ListHyperParameterTuningJobsResponse.builder()
            .hyperParameterTuningJobSummaries(page.jobs.stream()
                .map(j -> SimulatedSageMaker.tuningSummary(j, account, region)).toList())
            .nextToken(page.next).build());
      case "DescribeTrainingJob": {
        JobFacts job = find(world, request, "TrainingJobName", JobKind.TRAINING);
        return job == null ? jsonError(400, "ValidationException", "Requested resource not found.")
            : jsonOk(SimulatedSageMaker.describeTraining(job, account, region));
      }
      case "DescribeProcessingJob": {
        JobFacts job = find(world, request, "ProcessingJobName", JobKind.PROCESSING);
        return job == null ? jsonError(400, "ValidationException", "Could not find requested job with name "
            + text(request, "ProcessingJobName"))
            : jsonOk(SimulatedSageMaker.describeProcessing(job, account, region));
      }
      case "DescribeHyperParameterTuningJob": {
        JobFacts job = find(world, request, "HyperParameterTuningJobName", JobKind.TUNING);
        return job == null ? jsonError(400, "ResourceNotFound", "Amazon SageMaker can't find a tuning job with name "
            + text(request, "HyperParameterTuningJobName"))
            : jsonOk(SimulatedSageMaker.describeTuning(job, account, region));
      }
      default:
        return jsonError(400, "UnknownOperationException", null);
    }
  }

  private static JobFacts find(World world, JsonNode request, String member, JobKind kind) {
    JobFacts job = world.byName().get(text(request, member));
    return job != null && job.kind() == kind ? job : null;
  }

  private record Page(List<JobFacts> jobs, String next) {}

  private Answer list(World world, JsonNode request, JobKind kind, Function<Page, SdkPojo> response) {
    Instant after = time(request, "CreationTimeAfter");
    Instant before = time(request, "CreationTimeBefore");
    String status = text(request, "StatusEquals");
    String nameContains = text(request, "NameContains");
    int max = org.config.pageSize;
    if (request.hasNonNull("MaxResults")) {
      int asked = request.get("MaxResults").asInt();
      if (asked < 1 || asked > SAGEMAKER_MAX_PAGE) {
        return jsonError(400, "ValidationException", "1 validation error detected: Value '" + asked
            + "' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 100");
      }
      max = Math.min(max, asked);
    }
    List<JobFacts> matching = new ArrayList<>();
    for (JobFacts j : world.jobs()) {
      if (j.kind() == kind && (after == null || j.creationTime().isAfter(after))
          && (before == null || j.creationTime().isBefore(before))
          && (status == null || status.equals(j.status()))
          && (nameContains == null || j.name().toLowerCase(java.util.Locale.ROOT)
              .contains(nameContains.toLowerCase(java.util.Locale.ROOT)))) {
        matching.add(j);
      }
    }
    String sortBy = text(request, "SortBy");
    if ("Name".equals(sortBy)) {
      matching.sort(Comparator.comparing(JobFacts::name));
    } else if ("Status".equals(sortBy)) {
      matching.sort(Comparator.comparing(JobFacts::status));
    }
    if ("Descending".equals(text(request, "SortOrder"))) {
      java.util.Collections.reverse(matching);
    }
    Integer from = offset(request);
    if (from == null || from > matching.size()) {
      return jsonError(400, "ValidationException", "Invalid pagination token");
    }
    int to = Math.min(matching.size(), from + max);
    return jsonOk(response.apply(new Page(matching.subList(from, to), token(to, matching.size()))));
  }

  // ---- JSON helpers ----

  private static JsonNode json(String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    try {
      return MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + body, e);
    }
  }

  private static String text(JsonNode request, String member) {
    JsonNode v = request.get(member);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Instant time(JsonNode request, String member) {
    JsonNode v = request.get(member);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      java.math.BigDecimal seconds = v.decimalValue();
      return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }
    return Instant.parse(v.asText());
  }

  /** The offset a {@code NextToken} stands for (0 without one), or null for a token this service did not give. */
  private static Integer offset(JsonNode request) {
    String token = text(request, "NextToken");
    if (token == null) {
      return 0;
    }
    try {
      String decoded = new String(Base64.getDecoder().decode(token), StandardCharsets.UTF_8);
      return decoded.startsWith("offset:") ? Integer.valueOf(decoded.substring("offset:".length())) : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String token(int to, int size) {
    return to < size ? Base64.getEncoder().encodeToString(("offset:" + to).getBytes(StandardCharsets.UTF_8)) : null;
  }

  private static Answer jsonOk(SdkPojo response) {
    ObjectNode node = SimulatedSageMaker.wire(response);
    try {
      return new Answer(200, JSON_TYPE, MAPPER.writeValueAsString(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  static Answer jsonError(int status, String type, String message) {
    ObjectNode node = MAPPER.createObjectNode().put("__type", type);
    if (message != null) {
      node.put("message", message);
    }
    return new Answer(status, JSON_TYPE, node.toString(), type);
  }
}
