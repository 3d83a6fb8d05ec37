package dev.vpctrain.aws.testing;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Vpc;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * A WireMock transformer that answers EC2 Query API and S3 REST-XML (path-style) read calls from a
 * {@link FakeAccount}: filters ({@code Filter.N.Name}/{@code Filter.N.Value.M}) are applied, an
 * unknown filter is rejected as EC2 does, and lists longer than the page size are paginated with
 * {@code nextToken}.
 */
public final class FakeAwsTransformer implements ResponseDefinitionTransformerV2 {
  public static final String NAME = "fake-aws";

  private volatile FakeAccount account;
  /** Answers by request: the account is immutable, so a request's answer is rendered once. */
  private final Map<String, Answer> answers = new java.util.concurrent.ConcurrentHashMap<>();
  /** Requests answered, by operation; keys ending in " (next page)" count pages after the first. */
  private final Map<String, java.util.concurrent.atomic.LongAdder> served = new java.util.concurrent.ConcurrentHashMap<>();

  public FakeAwsTransformer(FakeAccount account) {
    this.account = account;
  }

  public void account(FakeAccount account) {
    this.account = account;
    answers.clear();
    served.clear();
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
    String method = request.getMethod().getName();
    String key = method + " " + request.getUrl() + " " + request.getBodyAsString();
    served.computeIfAbsent(operationOf(method, request.getUrl(), request.getBodyAsString(),
            request.getHeader("X-Amz-Target")),
        k -> new java.util.concurrent.atomic.LongAdder()).increment();
    String amzTarget = request.getHeader("X-Amz-Target");
    key = key + " " + amzTarget;
    FakeAccount current = account;
    Answer answer = answers.computeIfAbsent(key,
        k -> answer(current, method, request.getUrl(), request.getBodyAsString(), amzTarget));
    var response = ResponseDefinitionBuilder.like(serveEvent.getResponseDefinition()).but()
        .withStatus(answer.status)
        .withHeader("Content-Type", answer.contentType)
        .withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    if (answer.errorType != null) {
      response.withHeader("x-amzn-ErrorType", answer.errorType);
    }
    return response.withBody(answer.body).build();
  }

  /**
   * The answer of {@code account} to one request (EC2 Query, S3 path-style REST-XML, IAM, EFS and FSx
   * reads): a pure function of the account and the request, callable per request by other fakes
   * (such as {@link SimulatedOrganization}) that choose the account themselves.
   *
   * @param method the HTTP method ({@code GET}, {@code POST})
   * @param url the path and query ({@code /bucket?location})
   * @param body the request body ({@code Action=DescribeSubnets&…} for EC2)
   * @param amzTarget the {@code X-Amz-Target} header, or null
   */
  public static Answer answer(FakeAccount account, String method, String url, String body, String amzTarget) {
    if (method.equals("POST") && amzTarget != null) {
      return json("application/x-amz-json-1.1", FileSystemApis.fsx(account.network(), amzTarget, body));
    } else if (method.equals("GET") && FileSystemApis.isEfs(url)) {
      return json("application/json", FileSystemApis.efs(account.network(), url));
    } else if (method.equals("POST") && "2010-05-08".equals(form(body).get("Version"))) {
      return iam(account, form(body));
    } else if (method.equals("POST")) {
      return ec2(account, form(body));
    } else if (method.equals("GET")) {
      return s3(account, url);
    }
    return new Answer(405, "text/plain", "unsupported method");
  }

  /** An HTTP answer: status, content type, body, and the {@code x-amzn-ErrorType} header (null: none). */
  public record Answer(int status, String contentType, String body, String errorType) {
    public Answer(int status, String contentType, String body) {
      this(status, contentType, body, null);
    }
  }

  private static Answer json(String contentType, FileSystemApis.Reply r) {
    return new Answer(r.status(), contentType, r.body(), r.errorType());
  }

  /** Requests this transformer answered, by operation; extra pages are counted under "Op (next page)". */
  public Map<String, Long> served() {
    Map<String, Long> out = new java.util.TreeMap<>();
    served.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }

  public void resetServed() {
    served.clear();
  }

  private static String operationOf(String method, String url, String body, String amzTarget) {
    if (amzTarget != null) {
      return amzTarget.substring(amzTarget.indexOf('.') + 1);
    }
    if (FileSystemApis.isEfs(url)) {
      return efsOperation(url);
    }
    if (method.equals("POST")) {
      Map<String, String> form = form(body);
      return form.getOrDefault("Action", "?") + (form.containsKey("NextToken") ? " (next page)" : "");
    }
    if (url.contains("?location")) {
      return "GetBucketLocation";
    }
    return url.contains("?policy") ? "GetBucketPolicy" : method + " " + url;
  }

  /** The EFS operation of a REST path ({@code DescribeFileSystems}, {@code DescribeMountTargets}, …). */
  static String efsOperation(String url) {
    String path = url.contains("?") ? url.substring(0, url.indexOf('?')) : url;
    if (path.endsWith("/security-groups")) {
      return "DescribeMountTargetSecurityGroups";
    }
    if (path.endsWith("/policy")) {
      return "DescribeFileSystemPolicy";
    }
    return path.startsWith("/2015-02-01/mount-targets") ? "DescribeMountTargets" : "DescribeFileSystems";
  }

  /** Parses an {@code application/x-www-form-urlencoded} body. */
  public static Map<String, String> form(String body) {
    Map<String, String> params = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String k = eq < 0 ? pair : pair.substring(0, eq);
      String v = eq < 0 ? "" : pair.substring(eq + 1);
      params.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
    }
    return params;
  }

  /**
   * IAM's read calls of a role, from the account's {@code iam} evidence; an account without one has
   * every role it is asked about, trusted by SageMaker and allowed everything by one inline policy
   * ({@code admin}), so that a fake account is READY on the role as it is on the network.
   */
  private static Answer iam(FakeAccount fake, Map<String, String> params) {
    String action = params.getOrDefault("Action", "");
    String name = params.getOrDefault("RoleName", "");
    NetworkSnapshot network = fake.network();
    String account = network.accountId().orElse("123456789012");
    Optional<dev.vpctrain.core.iam.IamEvidence> evidence = network.iam();
    if (action.equals("SimulatePrincipalPolicy")) {
      if (evidence.isPresent()) {
        return new Answer(400, "text/xml", IamWire.error("InvalidInput", "the fake simulates only its default role"));
      }
      // the default role is allowed everything: every action is "allowed"
      StringBuilder sb = new StringBuilder("<EvaluationResults>");
      for (int i = 1; params.containsKey("ActionNames.member." + i); i++) {
        sb.append("<member><EvalActionName>").append(params.get("ActionNames.member." + i))
            .append("</EvalActionName><EvalResourceName>").append(params.getOrDefault("ResourceArns.member.1", "*"))
            .append("</EvalResourceName><EvalDecision>allowed</EvalDecision><MatchedStatements><member>"
                + "<SourcePolicyId>admin</SourcePolicyId></member></MatchedStatements></member>");
      }
      return iamOk(action, sb + "</EvaluationResults><IsTruncated>false</IsTruncated>");
    }
    Optional<dev.vpctrain.core.iam.IamRole> role = evidence.isPresent() ? evidence.get().role(name)
        : Optional.of(dev.vpctrain.core.iam.IamRole.builder().roleName(name).arn("arn:aws:iam::" + account + ":role/" + name)
            .trustPolicy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
                + "{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}")
            .inlinePolicies(List.of(dev.vpctrain.core.iam.InlinePolicy.of("admin", Optional.of("{\"Version\":"
                + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}"))))
            .attachedPolicyArns(List.of()).build());
    if (role.isEmpty() && !action.equals("GetPolicy") && !action.equals("GetPolicyVersion")) {
      return new Answer(404, "text/xml", IamWire.error("NoSuchEntity", "The role with name " + name + " cannot be found."));
    }
    switch (action) {
      case "GetRole": {
        dev.vpctrain.core.iam.IamRole r = role.get();
        return iamOk(action, "<Role><Path>/</Path><RoleName>" + r.roleName() + "</RoleName><Arn>" + r.arn() + "</Arn>"
            + r.trustPolicy().map(t -> "<AssumeRolePolicyDocument>" + IamWire.urlEncoded(t) + "</AssumeRolePolicyDocument>")
                .orElse("")
            + r.permissionsBoundaryArn().map(b -> "<PermissionsBoundary><PermissionsBoundaryType>Policy"
                + "</PermissionsBoundaryType><PermissionsBoundaryArn>" + b + "</PermissionsBoundaryArn></PermissionsBoundary>")
                .orElse("")
            + "<CreateDate>2026-01-15T10:20:30Z</CreateDate><RoleId>AROAFAKEFAKEFAKEFAKE</RoleId></Role>");
      }
      case "ListRolePolicies": {
        StringBuilder sb = new StringBuilder("<PolicyNames>");
        role.get().inlinePolicies().orElse(List.of()).forEach(p -> sb.append("<member>").append(p.policyName())
            .append("</member>"));
        return iamOk(action, sb + "</PolicyNames><IsTruncated>false</IsTruncated>");
      }
      case "GetRolePolicy": {
        String policy = params.getOrDefault("PolicyName", "");
        return role.get().inlinePolicies().orElse(List.of()).stream().filter(p -> p.policyName().equals(policy))
            .findFirst().flatMap(p -> p.document())
            .map(d -> iamOk(action, "<RoleName>" + name + "</RoleName><PolicyName>" + policy + "</PolicyName>"
                + "<PolicyDocument>" + IamWire.urlEncoded(d) + "</PolicyDocument>"))
            .orElseGet(() -> new Answer(404, "text/xml", IamWire.error("NoSuchEntity", "The role policy with name "
                + policy + " cannot be found.")));
      }
      case "ListAttachedRolePolicies": {
        StringBuilder sb = new StringBuilder("<AttachedPolicies>");
        role.get().attachedPolicyArns().orElse(List.of()).forEach(a -> sb.append("<member><PolicyName>")
            .append(a.substring(a.lastIndexOf('/') + 1)).append("</PolicyName><PolicyArn>").append(a)
            .append("</PolicyArn></member>"));
        return iamOk(action, sb + "</AttachedPolicies><IsTruncated>false</IsTruncated>");
      }
      case "GetPolicy":
      case "GetPolicyVersion": {
        String arn = params.getOrDefault("PolicyArn", "");
        Optional<dev.vpctrain.core.iam.ManagedPolicy> p = evidence.flatMap(e -> e.policy(arn));
        if (p.isEmpty()) {
          return new Answer(404, "text/xml", IamWire.error("NoSuchEntity", "Policy " + arn + " was not found."));
        }
        String version = p.get().defaultVersionId().orElse("v1");
        return action.equals("GetPolicy")
            ? iamOk(action, "<Policy><PolicyName>" + arn.substring(arn.lastIndexOf('/') + 1) + "</PolicyName><Arn>" + arn
                + "</Arn><DefaultVersionId>" + version + "</DefaultVersionId></Policy>")
            : iamOk(action, "<PolicyVersion><Document>" + IamWire.urlEncoded(p.get().document().orElse("{}"))
                + "</Document><VersionId>" + version + "</VersionId><IsDefaultVersion>true</IsDefaultVersion>"
                + "</PolicyVersion>");
      }
      default:
        return new Answer(400, "text/xml", IamWire.error("InvalidAction", "Could not find operation " + action));
    }
  }

  private static Answer iamOk(String action, String result) {
    return new Answer(200, "text/xml", IamWire.response(action, result));
  }

  private static Answer ec2(FakeAccount a, Map<String, String> params) {
    NetworkSnapshot n = a.network();
    String action = params.getOrDefault("Action", "");
    if (!"2016-11-15".equals(params.get("Version"))) {
      return ec2Error(400, "InvalidParameterValue", "Version must be 2016-11-15");
    }
    try {
      switch (action) {
        case "DescribeVpcs":
          return list(a, params, action, "vpcSet", n.vpcs().orElse(List.of()), Ec2Xml::vpc,
              Map.of("vpc-id", v -> List.of(v.vpcId())));
        case "DescribeVpcAttribute":
          return vpcAttribute(n, params);
        case "DescribeDhcpOptions":
          return list(a, params, action, "dhcpOptionsSet", n.dhcpOptions().orElse(List.of()), Ec2Xml::dhcpOptions,
              Map.of("dhcp-options-id", d -> List.of(d.dhcpOptionsId())));
        case "DescribeSubnets":
          return list(a, params, action, "subnetSet", n.subnets().orElse(List.of()), Ec2Xml::subnet,
              Map.of("subnet-id", s -> List.of(s.subnetId()), "vpc-id", s -> List.of(s.vpcId())));
        case "DescribeSecurityGroups":
          return list(a, params, action, "securityGroupInfo", n.securityGroups().orElse(List.of()),
              Ec2Xml::securityGroup, Map.of("group-id", g -> List.of(g.groupId()), "vpc-id", g -> List.of(g.vpcId()),
                  "group-name", g -> g.groupName().stream().toList()));
        case "DescribeRouteTables":
          return list(a, params, action, "routeTableSet", n.routeTables().orElse(List.of()), Ec2Xml::routeTable,
              Map.of("route-table-id", t -> List.of(t.routeTableId()), "vpc-id", t -> List.of(t.vpcId())));
        case "DescribeVpcEndpoints":
          return list(a, params, action, "vpcEndpointSet", n.vpcEndpoints().orElse(List.of()), Ec2Xml::vpcEndpoint,
              Map.of("vpc-endpoint-id", e -> List.of(e.vpcEndpointId()), "vpc-id", e -> List.of(e.vpcId()),
                  "service-name", e -> List.of(e.serviceName()),
                  "vpc-endpoint-type", e -> List.of(e.type() == EndpointType.GATEWAY ? "Gateway" : "Interface")));
        case "DescribeNatGateways":
          return list(a, params, action, "natGatewaySet", n.natGateways().orElse(List.of()), Ec2Xml::natGateway,
              Map.of("nat-gateway-id", g -> List.of(g.natGatewayId()), "vpc-id", g -> g.vpcId().stream().toList()));
        case "DescribeInternetGateways":
          return list(a, params, action, "internetGatewaySet", n.internetGateways().orElse(List.of()),
              Ec2Xml::internetGateway, Map.of("internet-gateway-id", g -> List.of(g.internetGatewayId()),
                  "attachment.vpc-id", g -> g.attachments().stream().map(x -> x.vpcId()).toList()));
        case "DescribeNetworkAcls":
          return list(a, params, action, "networkAclSet", n.networkAcls().orElse(List.of()), Ec2Xml::networkAcl,
              Map.of("network-acl-id", x -> List.of(x.networkAclId()), "vpc-id", x -> List.of(x.vpcId())));
        case "DescribeNetworkInterfaces":
          return list(a, params, action, "networkInterfaceSet", n.networkInterfaces().orElse(List.of()),
              FileSystemApis::networkInterface, Map.of(
                  "network-interface-id", x -> List.of(x.networkInterfaceId()),
                  "vpc-id", x -> List.of(x.vpcId()),
                  "subnet-id", x -> List.of(x.subnetId()),
                  "group-id", x -> x.groupIds(),
                  "addresses.private-ip-address", x -> x.privateIpAddresses(),
                  "interface-type", x -> x.interfaceType().stream().toList()));
        case "DescribePrefixLists":
          return list(a, params, action, "prefixListSet", n.prefixLists().orElse(List.of()), Ec2Xml::prefixList,
              Map.of("prefix-list-id", p -> List.of(p.prefixListId()), "prefix-list-name", p -> List.of(p.prefixListName())));
        default:
          return ec2Error(400, "InvalidAction", "The action " + action + " is not valid for this web service.");
      }
    } catch (BadFilter e) {
      return ec2Error(400, "InvalidParameterValue", e.getMessage());
    }
  }

  private static final class BadFilter extends RuntimeException {
    private static final long serialVersionUID = 1L;

    BadFilter(String message) {
      super(message);
    }
  }

  private static <T> Answer list(FakeAccount a, Map<String, String> params, String action, String setTag,
      List<T> items, BiConsumer<Xml, T> render, Map<String, Function<T, List<String>>> filterable) {
    Map<String, Set<String>> filters = filters(params);
    List<T> matching = new ArrayList<>();
    for (String name : filters.keySet()) {
      if (!filterable.containsKey(name)) {
        throw new BadFilter("The filter '" + name + "' is invalid");
      }
    }
    for (T item : items) {
      boolean ok = true;
      for (Map.Entry<String, Set<String>> f : filters.entrySet()) {
        if (filterable.get(f.getKey()).apply(item).stream().noneMatch(f.getValue()::contains)) {
          ok = false;
          break;
        }
      }
      if (ok) {
        matching.add(item);
      }
    }
    int pageSize = a.pageSize();
    if (params.containsKey("MaxResults")) {
      pageSize = Math.min(pageSize, Integer.parseInt(params.get("MaxResults")));
    }
    int from = 0;
    String token = params.get("NextToken");
    if (token != null) {
      if (!token.startsWith("page-")) {
        throw new BadFilter("The token '" + token + "' is invalid");
      }
      from = Integer.parseInt(token.substring("page-".length()));
    }
    int to = Math.min(matching.size(), from + pageSize);
    String next = to < matching.size() ? "page-" + to : null;
    Xml body = new Xml().set(setTag, matching.subList(from, to), render);
    return ok(Ec2Xml.response(action, body.toString(), next));
  }

  private static Map<String, Set<String>> filters(Map<String, String> params) {
    Map<String, Set<String>> filters = new LinkedHashMap<>();
    for (int i = 1; params.containsKey("Filter." + i + ".Name"); i++) {
      Set<String> values = new LinkedHashSet<>();
      for (int j = 1; params.containsKey("Filter." + i + ".Value." + j); j++) {
        values.add(params.get("Filter." + i + ".Value." + j));
      }
      filters.put(params.get("Filter." + i + ".Name"), values);
    }
    return filters;
  }

  private static Answer vpcAttribute(NetworkSnapshot n, Map<String, String> params) {
    String vpcId = params.get("VpcId");
    String attribute = params.get("Attribute");
    Optional<Vpc> vpc = n.vpc(vpcId == null ? "" : vpcId);
    if (vpc.isEmpty()) {
      return ec2Error(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
    }
    boolean value;
    if ("enableDnsSupport".equals(attribute)) {
      value = vpc.get().enableDnsSupport().orElse(true);
    } else if ("enableDnsHostnames".equals(attribute)) {
      value = vpc.get().enableDnsHostnames().orElse(false);
    } else {
      return ec2Error(400, "InvalidParameterValue", "Value (" + attribute + ") for parameter attribute is invalid.");
    }
    return ok(Ec2Xml.response("DescribeVpcAttribute", Ec2Xml.vpcAttribute(vpcId, attribute, value), null));
  }

  private static Answer s3(FakeAccount account, String url) {
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    String query = q < 0 ? "" : url.substring(q + 1);
    String bucket = path.startsWith("/") ? path.substring(1) : path;
    FakeAccount.Bucket b = account.buckets().get(bucket);
    if (b == null) {
      return s3Error(404, "NoSuchBucket", "The specified bucket does not exist", bucket);
    }
    Set<String> keys = new LinkedHashSet<>();
    for (String p : query.split("&")) {
      keys.add(p.contains("=") ? p.substring(0, p.indexOf('=')) : p);
    }
    if (keys.contains("location")) {
      String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + (b.locationConstraint() == null
              ? "<LocationConstraint xmlns=\"" + S3_NS + "\"/>"
              : "<LocationConstraint xmlns=\"" + S3_NS + "\">" + Xml.escape(b.locationConstraint()) + "</LocationConstraint>");
      return new Answer(200, "application/xml", xml);
    }
    if (keys.contains("policy")) {
      if (b.policy() == null) {
        return s3Error(404, "NoSuchBucketPolicy", "The bucket policy does not exist", bucket);
      }
      return new Answer(200, "application/json", b.policy());
    }
    return s3Error(501, "NotImplemented", "A header or query you provided implies functionality that is not implemented", bucket);
  }

  public static final String S3_NS = "http://s3.amazonaws.com/doc/2006-03-01/";

  /** The S3 error document. */
  public static String s3ErrorXml(String code, String message, String bucket) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + new Xml().open("Error")
        .el("Code", code).el("Message", message).el("BucketName", bucket)
        .el("RequestId", "4442587FB7D0A2F9").el("HostId", "fake-host-id")
        .close("Error");
  }

  private static Answer s3Error(int status, String code, String message, String bucket) {
    return new Answer(status, "application/xml", s3ErrorXml(code, message, bucket));
  }

  private static Answer ok(String xml) {
    return new Answer(200, "text/xml;charset=UTF-8", xml);
  }

  private static Answer ec2Error(int status, String code, String message) {
    return new Answer(status, "text/xml;charset=UTF-8", Ec2Xml.error(code, message));
  }
}
