package dev.vpctrain.aws.remediation;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.vpctrain.aws.remediation.Wire.action;
import static dev.vpctrain.aws.remediation.Wire.dryRunOk;
import static dev.vpctrain.aws.remediation.Wire.error;
import static dev.vpctrain.aws.remediation.Wire.form;
import static dev.vpctrain.aws.remediation.Wire.ok;
import static dev.vpctrain.aws.remediation.Wire.only;
import static dev.vpctrain.aws.remediation.Wire.requests;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.vpctrain.core.internal.policy.JsonDocument;
import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.NewSecurityGroup;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationStep;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The write calls of {@link PlanApplier} in the EC2 query protocol and S3 REST wire formats. */
class PlanApplierWireTest {
  static final String VPC = "vpc-0a1b2c3d4e5f60001";
  static final String RTB = "rtb-0a1b2c3d4e5f60011";
  static final String RTB2 = "rtb-0a1b2c3d4e5f60012";
  static final String SG = "sg-0a1b2c3d4e5f60401";
  static final String NEW_SG = "sg-0a1b2c3d4e5f60499";
  static final String VPCE = "vpce-0a1b2c3d4e5f60301";
  static final String SUBNET = "subnet-0a1b2c3d4e5f60101";
  static final String POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"VpctrainJobObjects1\",\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":[\"s3:GetObject\"],\"Resource\":[\"arn:aws:s3:::acme-ml-data/train/*\"]}]}";

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  static PlanApplier applier;

  @BeforeAll
  static void clients() {
    applier = PlanApplier.create(Wire.ec2(wm), Wire.s3(wm));
  }

  @Test
  void dryRunCreatesTheGatewayEndpointWithDryRunAndAClientToken() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints", "<vpcEndpointSet/>"));
    wm.stubFor(dryRunOk(action("CreateVpcEndpoint")));
    Change.CreateGatewayEndpoint c = new Change.CreateGatewayEndpoint(VPC, "com.amazonaws.us-east-1.s3", List.of(RTB, RTB2), POLICY);

    ApplyResult r = applier.apply(plan(c), ApplyOptions.builder().build());

    assertThat(r.dryRun()).isTrue();
    assertThat(r.results()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.WOULD_SUCCEED));
    Map<String, String> form = form(only(wm, "CreateVpcEndpoint"));
    assertThat(form).containsEntry("VpcEndpointType", "Gateway").containsEntry("VpcId", VPC)
        .containsEntry("ServiceName", "com.amazonaws.us-east-1.s3")
        .containsEntry("RouteTableId.1", RTB).containsEntry("RouteTableId.2", RTB2)
        .containsEntry("DryRun", "true").containsEntry("Version", "2016-11-15");
    assertThat(JsonDocument.read(form.get("PolicyDocument"), null)).isEqualTo(JsonDocument.read(POLICY, null));
    assertThat(form.get("ClientToken")).matches("vpctrain-[0-9a-f]{40}");
    Map<String, String> describe = form(only(wm, "DescribeVpcEndpoints"));
    assertThat(describe).containsEntry("Filter.1.Name", "vpc-id").containsEntry("Filter.1.Value.1", VPC)
        .containsEntry("Filter.2.Name", "service-name").containsEntry("Filter.3.Value.1", "Gateway");
    assertThat(r.render()).contains("Nothing was changed", "[would succeed]");
  }

  @Test
  void realRunCreatesTheEndpointAndTheSameChangeAlwaysSendsTheSameToken() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints", "<vpcEndpointSet/>"));
    wm.stubFor(ok(action("CreateVpcEndpoint"), "CreateVpcEndpoint",
        "<vpcEndpoint><vpcEndpointId>" + VPCE + "</vpcEndpointId><vpcEndpointType>Gateway</vpcEndpointType><vpcId>" + VPC
            + "</vpcId><state>available</state></vpcEndpoint><clientToken>t</clientToken>"));
    Change.CreateGatewayEndpoint c = new Change.CreateGatewayEndpoint(VPC, "com.amazonaws.us-east-1.s3", List.of(RTB), POLICY);

    ApplyResult first = applier.apply(plan(c), o -> o.dryRun(false));
    ApplyResult second = applier.apply(plan(c), o -> o.dryRun(false));

    assertThat(first.results().get(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(first.results().get(0).createdIds()).containsExactly(VPCE);
    assertThat(first.changedAnything()).isTrue();
    List<LoggedRequest> creates = requests(wm, "CreateVpcEndpoint");
    assertThat(creates).hasSize(2);
    assertThat(form(creates.get(0))).doesNotContainKey("DryRun");
    assertThat(form(creates.get(0)).get("ClientToken")).isEqualTo(form(creates.get(1)).get("ClientToken"));
    assertThat(second.results().get(0).status()).isEqualTo(StepStatus.DONE);
  }

  @Test
  void anExistingGatewayEndpointGetsOnlyItsMissingRouteTables() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints",
        "<vpcEndpointSet>" + Wire.gatewayEndpoint(VPCE, VPC, null, RTB) + "</vpcEndpointSet>"));
    wm.stubFor(ok(action("ModifyVpcEndpoint"), "ModifyVpcEndpoint", "<return>true</return>"));
    Change.CreateGatewayEndpoint c = new Change.CreateGatewayEndpoint(VPC, "com.amazonaws.us-east-1.s3", List.of(RTB, RTB2), POLICY);

    ApplyResult r = applier.apply(plan(c), o -> o.dryRun(false));

    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(requests(wm, "CreateVpcEndpoint")).isEmpty();
    Map<String, String> form = form(only(wm, "ModifyVpcEndpoint"));
    assertThat(form).containsEntry("VpcEndpointId", VPCE).containsEntry("AddRouteTableId.1", RTB2)
        .doesNotContainKey("AddRouteTableId.2").doesNotContainKey("PolicyDocument");
  }

  @Test
  void addRouteTablesWhenAlreadyAssociatedChangesNothing() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints",
        "<vpcEndpointSet>" + Wire.gatewayEndpoint(VPCE, VPC, null, RTB, RTB2) + "</vpcEndpointSet>"));
    ApplyResult r = applier.apply(plan(new Change.AddEndpointRouteTables(VPCE, List.of(RTB2))), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(form(only(wm, "DescribeVpcEndpoints"))).containsEntry("VpcEndpointId.1", VPCE);
    assertThat(requests(wm, "ModifyVpcEndpoint")).isEmpty();
  }

  @Test
  void routeAlreadyExistsCountsAsDone() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints",
        "<vpcEndpointSet>" + Wire.gatewayEndpoint(VPCE, VPC, null, RTB) + "</vpcEndpointSet>"));
    wm.stubFor(error(action("ModifyVpcEndpoint"), 400, "RouteAlreadyExists",
        "The route identified by pl-63a5400a already exists."));
    ApplyResult r = applier.apply(plan(new Change.AddEndpointRouteTables(VPCE, List.of(RTB2))), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(r.succeeded()).isTrue();
  }

  @Test
  void endpointPolicyIsSetWhenTheLivePolicyIsTheOneThePlanSaw() {
    String before = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints",
        "<vpcEndpointSet>" + Wire.gatewayEndpoint(VPCE, VPC, before, RTB) + "</vpcEndpointSet>"));
    wm.stubFor(ok(action("ModifyVpcEndpoint"), "ModifyVpcEndpoint", "<return>true</return>"));
    ApplyResult r = applier.apply(plan(new Change.SetEndpointPolicy(VPCE, Optional.of(before), POLICY)), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    Map<String, String> form = form(only(wm, "ModifyVpcEndpoint"));
    assertThat(form).containsEntry("VpcEndpointId", VPCE).doesNotContainKey("DryRun");
    assertThat(JsonDocument.read(form.get("PolicyDocument"), null)).isEqualTo(JsonDocument.read(POLICY, null));
  }

  @Test
  void endpointPolicyChangedSincePlanningIsAConflictNotAnOverwrite() {
    String planned = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    String live = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Theirs\",\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints",
        "<vpcEndpointSet>" + Wire.gatewayEndpoint(VPCE, VPC, live, RTB) + "</vpcEndpointSet>"));
    ApplyResult r = applier.apply(plan(new Change.SetEndpointPolicy(VPCE, Optional.of(planned), POLICY)), o -> o.dryRun(false));
    StepResult s = r.results().get(0);
    assertThat(s.status()).isEqualTo(StepStatus.FAILED);
    assertThat(s.errorCode()).contains("PolicyChangedSincePlan");
    assertThat(requests(wm, "ModifyVpcEndpoint")).isEmpty();
  }

  @Test
  void privateDnsIsTurnedOnWithDryRun() {
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints", "<vpcEndpointSet><item><vpcEndpointId>" + VPCE
        + "</vpcEndpointId><vpcEndpointType>Interface</vpcEndpointType><vpcId>" + VPC
        + "</vpcId><serviceName>com.amazonaws.us-east-1.sts</serviceName><state>available</state>"
        + "<privateDnsEnabled>false</privateDnsEnabled></item></vpcEndpointSet>"));
    wm.stubFor(dryRunOk(action("ModifyVpcEndpoint")));
    ApplyResult r = applier.apply(plan(new Change.EnableEndpointPrivateDns(VPCE)), ApplyOptions.builder().build());
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.WOULD_SUCCEED);
    assertThat(form(only(wm, "ModifyVpcEndpoint"))).containsEntry("VpcEndpointId", VPCE)
        .containsEntry("PrivateDnsEnabled", "true").containsEntry("DryRun", "true");
  }

  @Test
  void selfIngressIsAuthorizedInTheIpPermissionsShape() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(SG, "training", "", "")));
    wm.stubFor(ok(action("AuthorizeSecurityGroupIngress"), "AuthorizeSecurityGroupIngress", "<return>true</return>"));
    GroupRef g = GroupRef.existing(SG);
    ApplyResult r = applier.apply(plan(new Change.AuthorizeIngress(g, Rule.allTraffic(Peer.group(g)))), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    Map<String, String> form = form(only(wm, "AuthorizeSecurityGroupIngress"));
    assertThat(form).containsEntry("GroupId", SG).containsEntry("IpPermissions.1.IpProtocol", "-1")
        .containsEntry("IpPermissions.1.Groups.1.GroupId", SG)
        .doesNotContainKey("IpPermissions.1.FromPort").doesNotContainKey("DryRun");
    assertThat(form(only(wm, "DescribeSecurityGroups"))).containsEntry("GroupId.1", SG);
  }

  @Test
  void duplicatePermissionCountsAsDone() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupEgress"), 400, "InvalidPermission.Duplicate",
        "the specified rule \"peer: pl-63a5400a, TCP, from port: 443, to port: 443, ALLOW\" already exists"));
    ApplyResult r = applier.apply(plan(new Change.AuthorizeEgress(GroupRef.existing(SG), Rule.tcp(443, Peer.prefixList("pl-63a5400a")))),
        o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(form(only(wm, "AuthorizeSecurityGroupEgress"))).containsEntry("IpPermissions.1.IpProtocol", "tcp")
        .containsEntry("IpPermissions.1.FromPort", "443").containsEntry("IpPermissions.1.ToPort", "443")
        .containsEntry("IpPermissions.1.PrefixListIds.1.PrefixListId", "pl-63a5400a");
  }

  @Test
  void anEqualRuleInTheGroupIsNotSentAgain() {
    String selfRule = "<item><ipProtocol>-1</ipProtocol><groups><item><userId>123456789012</userId><groupId>" + SG
        + "</groupId></item></groups><ipRanges/><ipv6Ranges/><prefixListIds/></item>";
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(SG, "training", selfRule, "")));
    GroupRef g = GroupRef.existing(SG);
    ApplyResult r = applier.apply(plan(new Change.AuthorizeIngress(g, Rule.allTraffic(Peer.group(g)))), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(requests(wm, "AuthorizeSecurityGroupIngress")).isEmpty();
  }

  @Test
  void createdEndpointGroupIsUsedByTheLaterSteps() {
    wm.stubFor(ok(action("DescribeSecurityGroups").withRequestBody(containing("Filter.1.Name=vpc-id")),
        "DescribeSecurityGroups", "<securityGroupInfo/>"));
    wm.stubFor(ok(action("DescribeSecurityGroups").withRequestBody(containing("GroupId.1=" + NEW_SG)),
        "DescribeSecurityGroups", group(NEW_SG, "vpctrain-endpoints", "", "")));
    wm.stubFor(ok(action("CreateSecurityGroup"), "CreateSecurityGroup", "<return>true</return><groupId>" + NEW_SG + "</groupId>"));
    wm.stubFor(ok(action("AuthorizeSecurityGroupIngress"), "AuthorizeSecurityGroupIngress", "<return>true</return>"));
    wm.stubFor(ok(action("DescribeVpcEndpoints"), "DescribeVpcEndpoints", "<vpcEndpointSet/>"));
    wm.stubFor(ok(action("CreateVpcEndpoint"), "CreateVpcEndpoint",
        "<vpcEndpoint><vpcEndpointId>" + VPCE + "</vpcEndpointId></vpcEndpoint>"));
    NewSecurityGroup ng = new NewSecurityGroup(VPC, "vpctrain-endpoints", "Interface endpoints for SageMaker training jobs (created by vpctrain)");
    GroupRef created = GroupRef.created(ng);

    ApplyResult r = applier.apply(plan(
        new Change.CreateSecurityGroup(ng),
        new Change.AuthorizeIngress(created, Rule.tcp(443, Peer.group(GroupRef.existing(SG)))),
        new Change.CreateInterfaceEndpoint(VPC, "com.amazonaws.us-east-1.sts", List.of(SUBNET), List.of(created), true)),
        o -> o.dryRun(false));

    assertThat(r.results()).extracting(StepResult::status).containsOnly(StepStatus.DONE);
    assertThat(form(only(wm, "CreateSecurityGroup"))).containsEntry("GroupName", "vpctrain-endpoints")
        .containsEntry("GroupDescription", ng.description()).containsEntry("VpcId", VPC);
    assertThat(form(only(wm, "AuthorizeSecurityGroupIngress"))).containsEntry("GroupId", NEW_SG)
        .containsEntry("IpPermissions.1.IpProtocol", "tcp").containsEntry("IpPermissions.1.FromPort", "443")
        .containsEntry("IpPermissions.1.Groups.1.GroupId", SG);
    assertThat(form(only(wm, "CreateVpcEndpoint"))).containsEntry("VpcEndpointType", "Interface")
        .containsEntry("ServiceName", "com.amazonaws.us-east-1.sts").containsEntry("SubnetId.1", SUBNET)
        .containsEntry("SecurityGroupId.1", NEW_SG).containsEntry("PrivateDnsEnabled", "true")
        .containsKey("ClientToken").doesNotContainKey("PolicyDocument");
  }

  @Test
  void anEndpointGroupOfTheSameNameIsFoundAgainNotCreatedTwice() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(NEW_SG, "vpctrain-endpoints", "", "")));
    NewSecurityGroup ng = new NewSecurityGroup(VPC, "vpctrain-endpoints", "x");
    ApplyResult r = applier.apply(plan(new Change.CreateSecurityGroup(ng)), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(r.results().get(0).detail()).contains(NEW_SG);
    assertThat(form(only(wm, "DescribeSecurityGroups"))).containsEntry("Filter.1.Name", "vpc-id")
        .containsEntry("Filter.1.Value.1", VPC).containsEntry("Filter.2.Name", "group-name")
        .containsEntry("Filter.2.Value.1", "vpctrain-endpoints");
    assertThat(requests(wm, "CreateSecurityGroup")).isEmpty();
  }

  @Test
  void dryRunOfStepsOnAGroupNotYetCreatedSendsNothingForThem() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", "<securityGroupInfo/>"));
    wm.stubFor(dryRunOk(action("CreateSecurityGroup")));
    NewSecurityGroup ng = new NewSecurityGroup(VPC, "vpctrain-endpoints", "x");
    GroupRef created = GroupRef.created(ng);
    ApplyResult r = applier.apply(plan(new Change.CreateSecurityGroup(ng),
        new Change.AuthorizeIngress(created, Rule.tcp(443, Peer.group(GroupRef.existing(SG))))), ApplyOptions.builder().build());
    assertThat(r.results()).extracting(StepResult::status).containsExactly(StepStatus.WOULD_SUCCEED, StepStatus.WOULD_RUN);
    assertThat(form(only(wm, "CreateSecurityGroup"))).containsEntry("DryRun", "true");
    assertThat(requests(wm, "AuthorizeSecurityGroupIngress")).isEmpty();
  }

  @Test
  void dnsAttributesAreTurnedOnOnePerCall() {
    wm.stubFor(ok(action("DescribeVpcAttribute"), "DescribeVpcAttribute",
        "<vpcId>" + VPC + "</vpcId><enableDnsSupport><value>false</value></enableDnsSupport>"));
    wm.stubFor(ok(action("ModifyVpcAttribute"), "ModifyVpcAttribute", "<return>true</return>"));
    ApplyResult r = applier.apply(plan(new Change.EnableVpcAttribute(VPC, Change.VpcAttribute.ENABLE_DNS_SUPPORT)),
        o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(form(only(wm, "DescribeVpcAttribute"))).containsEntry("Attribute", "enableDnsSupport").containsEntry("VpcId", VPC);
    assertThat(form(only(wm, "ModifyVpcAttribute"))).containsEntry("VpcId", VPC).containsEntry("EnableDnsSupport.Value", "true")
        .doesNotContainKey("EnableDnsHostnames.Value");
  }

  @Test
  void modifyVpcAttributeHasNoDryRunSoADryRunOnlyReads() {
    wm.stubFor(ok(action("DescribeVpcAttribute"), "DescribeVpcAttribute",
        "<vpcId>" + VPC + "</vpcId><enableDnsHostnames><value>false</value></enableDnsHostnames>"));
    ApplyResult r = applier.apply(plan(new Change.EnableVpcAttribute(VPC, Change.VpcAttribute.ENABLE_DNS_HOSTNAMES)),
        ApplyOptions.builder().build());
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.WOULD_RUN);
    assertThat(requests(wm, "ModifyVpcAttribute")).isEmpty();
  }

  @Test
  void bucketPolicyIsPutPathStyleKeepingEveryExistingStatement() {
    String existing = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Keep\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
        + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}]}";
    String restrict = "{\"Sid\":\"VpctrainRestrictToVpcEndpoint\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\","
        + "\"Resource\":[\"arn:aws:s3:::acme-ml-data\",\"arn:aws:s3:::acme-ml-data/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"" + VPCE + "\"}}}";
    String target = existing.replace("}]}", "}," + restrict + "]}");
    wm.stubFor(get(urlEqualTo("/acme-ml-data?policy")).willReturn(aResponse().withStatus(200)
        .withHeader("Content-Type", "application/json").withBody(existing)));
    wm.stubFor(put(urlEqualTo("/acme-ml-data?policy")).willReturn(aResponse().withStatus(204)));

    ApplyResult r = applier.apply(plan(new Change.SetBucketPolicy("acme-ml-data", Optional.of(existing), target)),
        o -> o.dryRun(false));

    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    wm.verify(putRequestedFor(urlPathEqualTo("/acme-ml-data")).withQueryParam("policy", equalTo(""))
        .withRequestBody(equalToJson(target)));
    wm.verify(getRequestedFor(urlEqualTo("/acme-ml-data?policy")));
  }

  @Test
  void bucketWithoutPolicyGetsOnlyTheNewStatementAndADryRunPutsNothing() {
    String target = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"X\",\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":\"arn:aws:s3:::acme-ml-data/*\"}]}";
    wm.stubFor(get(urlEqualTo("/acme-ml-data?policy")).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/xml")
        .withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>NoSuchBucketPolicy</Code>"
            + "<Message>The bucket policy does not exist</Message><BucketName>acme-ml-data</BucketName>"
            + "<RequestId>R1</RequestId><HostId>H1</HostId></Error>")));
    wm.stubFor(put(urlEqualTo("/acme-ml-data?policy")).willReturn(aResponse().withStatus(204)));
    Change.SetBucketPolicy c = new Change.SetBucketPolicy("acme-ml-data", Optional.empty(), target);

    ApplyResult dry = applier.apply(plan(c), ApplyOptions.builder().build());
    assertThat(dry.results().get(0).status()).isEqualTo(StepStatus.WOULD_RUN);
    wm.verify(0, putRequestedFor(urlPathEqualTo("/acme-ml-data")));

    ApplyResult real = applier.apply(plan(c), o -> o.dryRun(false));
    assertThat(real.results().get(0).status()).isEqualTo(StepStatus.DONE);
    wm.verify(putRequestedFor(urlPathEqualTo("/acme-ml-data")).withRequestBody(equalToJson(target)));
  }

  @Test
  void aFailureInTheMiddleStopsTheRunAndNamesOperationAndCode() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(SG, "training", "", "")));
    wm.stubFor(ok(action("AuthorizeSecurityGroupIngress"), "AuthorizeSecurityGroupIngress", "<return>true</return>"));
    wm.stubFor(error(action("AuthorizeSecurityGroupEgress"), 403, "UnauthorizedOperation",
        "You are not authorized to perform this operation."));
    GroupRef g = GroupRef.existing(SG);
    RemediationPlan p = plan(
        new Change.AuthorizeIngress(g, Rule.allTraffic(Peer.group(g))),
        new Change.AuthorizeEgress(g, Rule.allTraffic(Peer.group(g))),
        new Change.EnableVpcAttribute(VPC, Change.VpcAttribute.ENABLE_DNS_SUPPORT));

    ApplyResult r = applier.apply(p, o -> o.dryRun(false));

    assertThat(r.results()).extracting(StepResult::status)
        .containsExactly(StepStatus.DONE, StepStatus.FAILED, StepStatus.NOT_STARTED);
    StepResult failed = r.failure().orElseThrow();
    assertThat(failed.failedOperation()).contains("ec2:AuthorizeSecurityGroupEgress");
    assertThat(failed.errorCode()).contains("UnauthorizedOperation");
    assertThat(failed.errorMessage()).contains("You are not authorized to perform this operation.");
    assertThat(requests(wm, "DescribeVpcAttribute")).isEmpty();
    assertThat(requests(wm, "ModifyVpcAttribute")).isEmpty();
    assertThat(r.render()).contains("[done]", "[FAILED]", "[not started]", "UnauthorizedOperation", "apply again");
  }

  @Test
  void aDryRunRefusedByEc2IsReportedAndTheDryRunGoesOn() {
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupIngress"), 403, "UnauthorizedOperation", "You are not authorized."));
    wm.stubFor(dryRunOk(action("AuthorizeSecurityGroupEgress")));
    GroupRef g = GroupRef.existing(SG);
    ApplyResult r = applier.apply(plan(
        new Change.AuthorizeIngress(g, Rule.allTraffic(Peer.group(g))),
        new Change.AuthorizeEgress(g, Rule.allTraffic(Peer.group(g)))), ApplyOptions.builder().build());
    assertThat(r.results()).extracting(StepResult::status).containsExactly(StepStatus.FAILED, StepStatus.WOULD_SUCCEED);
    assertThat(form(only(wm, "AuthorizeSecurityGroupIngress"))).containsEntry("DryRun", "true");
  }

  @Test
  void optionalStepsRunOnlyWhenAskedAndAdviceNever() {
    wm.stubFor(ok(action("DescribeVpcAttribute"), "DescribeVpcAttribute",
        "<vpcId>" + VPC + "</vpcId><enableDnsSupport><value>true</value></enableDnsSupport>"));
    RemediationStep optional = new RemediationStep(1, List.of("x"), "t", "w",
        new Change.EnableVpcAttribute(VPC, Change.VpcAttribute.ENABLE_DNS_SUPPORT), true);
    RemediationStep advice = new RemediationStep(2, List.of("vpc.tenancy.dedicated"), "t", "w", new Change.Advice("move"), false);
    RemediationPlan p = new RemediationPlan("job", "us-east-1", List.of(advice), List.of(optional));

    ApplyResult without = applier.apply(p, o -> o.dryRun(false));
    assertThat(without.results()).isEmpty();
    assertThat(without.skippedOptional()).containsExactly(optional);
    assertThat(without.advice()).containsExactly(advice);
    assertThat(requests(wm, "DescribeVpcAttribute")).isEmpty();

    ApplyResult with = applier.apply(p, o -> o.dryRun(false).includeOptional(true));
    assertThat(with.results()).singleElement().satisfies(s -> assertThat(s.status()).isEqualTo(StepStatus.ALREADY_DONE));
  }

  // ---- helpers --------------------------------------------------------------------------------

  static RemediationPlan plan(Change... changes) {
    List<RemediationStep> steps = new ArrayList<>();
    for (Change c : changes) {
      steps.add(new RemediationStep(steps.size() + 1, List.of("test.rule"), "step " + (steps.size() + 1), "because", c, false));
    }
    return new RemediationPlan("resnet50", "us-east-1", steps, List.of());
  }

  static String group(String id, String name, String ingress, String egress) {
    return "<securityGroupInfo><item><ownerId>123456789012</ownerId><groupId>" + id + "</groupId><groupName>" + name
        + "</groupName><groupDescription>d</groupDescription><vpcId>" + VPC + "</vpcId><ipPermissions>" + ingress
        + "</ipPermissions><ipPermissionsEgress>" + egress + "</ipPermissionsEgress></item></securityGroupInfo>";
  }
}
