package dev.vpctrain.aws.remediation;

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
import dev.vpctrain.core.remediation.Change;
import dev.vpctrain.core.remediation.Change.GroupRef;
import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;
import dev.vpctrain.core.remediation.RemediationPlan;
import dev.vpctrain.core.remediation.RemediationStep;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@link Change.CreateNetworkAclEntry} applied in the EC2 query wire format: {@code
 * CreateNetworkAclEntry} (with {@code DryRun} unless told otherwise), an equal entry counts as done,
 * a number taken since the plan fails the step, and after a later failure {@code
 * DeleteNetworkAclEntry} removes what the run added, last first.
 */
class NetworkAclEntryWireTest {
  static final String ACL = "acl-0a1b2c3d4e5f60701";
  static final String SG = "sg-0a1b2c3d4e5f60401";
  static final Change.CreateNetworkAclEntry INBOUND =
      new Change.CreateNetworkAclEntry(ACL, 32766, false, "tcp", 512, 1023, "10.20.3.0/24", true);
  static final Change.CreateNetworkAclEntry OUTBOUND =
      new Change.CreateNetworkAclEntry(ACL, 99, true, "tcp", 988, 988, "10.20.3.0/24", true);

  @RegisterExtension
  static WireMockExtension wm = WireMockExtension.newInstance()
      .options(wireMockConfig().bindAddress("127.0.0.1").dynamicPort()).build();
  static PlanApplier applier;

  @BeforeAll
  static void clients() {
    applier = PlanApplier.create(Wire.ec2(wm), Wire.s3(wm));
  }

  @Test
  void aDryRunSendsCreateNetworkAclEntryWithDryRun() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl(entry(100, false, "6", "allow", 1024, 65535))));
    wm.stubFor(dryRunOk(action("CreateNetworkAclEntry")));

    ApplyResult r = applier.apply(plan(INBOUND), ApplyOptions.builder().build());

    assertThat(r.results()).singleElement().satisfies(s -> {
      assertThat(s.status()).isEqualTo(StepStatus.WOULD_SUCCEED);
      assertThat(s.detail()).contains("allow inbound tcp 512-1023 from 10.20.3.0/24 as rule 32766 of " + ACL);
    });
    assertThat(form(only(wm, "DescribeNetworkAcls"))).containsEntry("NetworkAclId.1", ACL);
    assertThat(form(only(wm, "CreateNetworkAclEntry"))).containsEntry("Version", "2016-11-15")
        .containsEntry("NetworkAclId", ACL).containsEntry("RuleNumber", "32766").containsEntry("Egress", "false")
        .containsEntry("Protocol", "6").containsEntry("PortRange.From", "512").containsEntry("PortRange.To", "1023")
        .containsEntry("CidrBlock", "10.20.3.0/24").containsEntry("RuleAction", "allow").containsEntry("DryRun", "true");
    assertThat(requests(wm, "DeleteNetworkAclEntry")).isEmpty();
  }

  @Test
  void aRealRunAddsTheEntry() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl(entry(100, true, "-1", "allow", null, null))));
    wm.stubFor(ok(action("CreateNetworkAclEntry"), "CreateNetworkAclEntry", "<return>true</return>"));

    ApplyResult r = applier.apply(plan(OUTBOUND), o -> o.dryRun(false));

    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.DONE);
    assertThat(r.changedAnything()).isTrue();
    assertThat(form(only(wm, "CreateNetworkAclEntry"))).containsEntry("RuleNumber", "99").containsEntry("Egress", "true")
        .containsEntry("Protocol", "6").containsEntry("PortRange.From", "988").containsEntry("PortRange.To", "988")
        .doesNotContainKey("DryRun");
  }

  @Test
  void anEqualEntryOnThatNumberCountsAsDone() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl(entry(32766, false, "6", "allow", 512, 1023))));
    ApplyResult r = applier.apply(plan(INBOUND), o -> o.dryRun(false));
    assertThat(r.results().get(0).status()).isEqualTo(StepStatus.ALREADY_DONE);
    assertThat(requests(wm, "CreateNetworkAclEntry")).isEmpty();
  }

  @Test
  void aNumberTakenSinceThePlanFailsTheStepAndReplacesNothing() {
    // the outbound entry 32766 does not count: numbers are per direction
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls",
        acl(entry(32766, false, "6", "deny", 0, 1023) + entry(32766, true, "-1", "allow", null, null))));
    ApplyResult r = applier.apply(plan(INBOUND), o -> o.dryRun(false));
    StepResult s = r.results().get(0);
    assertThat(s.status()).isEqualTo(StepStatus.FAILED);
    assertThat(s.errorCode()).contains("NetworkAclEntryAlreadyExists");
    assertThat(s.errorMessage().orElseThrow()).contains("run plan again");
    assertThat(requests(wm, "CreateNetworkAclEntry")).isEmpty();
    assertThat(requests(wm, "ReplaceNetworkAclEntry")).isEmpty();
  }

  @Test
  void aLaterFailureRemovesTheEntriesTheRunAddedLastFirst() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl("")));
    wm.stubFor(ok(action("CreateNetworkAclEntry"), "CreateNetworkAclEntry", "<return>true</return>"));
    wm.stubFor(ok(action("DeleteNetworkAclEntry"), "DeleteNetworkAclEntry", "<return>true</return>"));
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", PlanApplierWireTest.group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupIngress"), 403, "UnauthorizedOperation",
        "You are not authorized to perform this operation."));
    GroupRef g = GroupRef.existing(SG);

    ApplyResult r = applier.apply(plan(INBOUND, OUTBOUND,
        new Change.AuthorizeIngress(g, Rule.tcp(988, Peer.group(g))),
        new Change.EnableVpcAttribute("vpc-0a1b2c3d4e5f60001", Change.VpcAttribute.ENABLE_DNS_SUPPORT)), o -> o.dryRun(false));

    assertThat(r.results()).extracting(StepResult::status).containsExactly(
        StepStatus.ROLLED_BACK, StepStatus.ROLLED_BACK, StepStatus.FAILED, StepStatus.NOT_STARTED);
    assertThat(r.changedAnything()).isFalse();
    List<LoggedRequest> deletes = requests(wm, "DeleteNetworkAclEntry");
    assertThat(deletes).hasSize(2);
    assertThat(form(deletes.get(0))).containsEntry("NetworkAclId", ACL).containsEntry("RuleNumber", "99")
        .containsEntry("Egress", "true").doesNotContainKey("DryRun");
    assertThat(form(deletes.get(1))).containsEntry("RuleNumber", "32766").containsEntry("Egress", "false");
    assertThat(r.results().get(0).detail()).contains("removed again because step 3 failed");
    assertThat(r.render()).contains("[rolled back]", "2 network ACL entries it had added were removed again", "[FAILED]");
  }

  @Test
  void anEntryThatCannotBeRemovedStaysDoneAndNamesTheCommandThatRemovesIt() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl("")));
    wm.stubFor(ok(action("CreateNetworkAclEntry"), "CreateNetworkAclEntry", "<return>true</return>"));
    wm.stubFor(error(action("DeleteNetworkAclEntry"), 403, "UnauthorizedOperation", "You are not authorized."));
    wm.stubFor(ok(action("DescribeSecurityGroups"), "DescribeSecurityGroups", PlanApplierWireTest.group(SG, "training", "", "")));
    wm.stubFor(error(action("AuthorizeSecurityGroupEgress"), 400, "InvalidGroup.NotFound", "gone"));
    GroupRef g = GroupRef.existing(SG);

    ApplyResult r = applier.apply(plan(INBOUND, new Change.AuthorizeEgress(g, Rule.tcp(988, Peer.group(g)))),
        o -> o.dryRun(false));

    assertThat(r.results()).extracting(StepResult::status).containsExactly(StepStatus.DONE, StepStatus.FAILED);
    assertThat(r.results().get(0).detail()).contains("UnauthorizedOperation",
        "aws ec2 delete-network-acl-entry --network-acl-id " + ACL + " --ingress --rule-number 32766");
  }

  @Test
  void aRefusedDryRunRollsNothingBack() {
    wm.stubFor(ok(action("DescribeNetworkAcls"), "DescribeNetworkAcls", acl("")));
    wm.stubFor(error(action("CreateNetworkAclEntry"), 403, "UnauthorizedOperation", "You are not authorized."));
    ApplyResult r = applier.apply(plan(INBOUND, OUTBOUND), ApplyOptions.builder().build());
    assertThat(r.results()).extracting(StepResult::status).containsExactly(StepStatus.FAILED, StepStatus.FAILED);
    assertThat(requests(wm, "DeleteNetworkAclEntry")).isEmpty();
  }

  // ---- helpers --------------------------------------------------------------------------------

  static RemediationPlan plan(Change... changes) {
    List<RemediationStep> steps = new ArrayList<>();
    for (Change c : changes) {
      steps.add(new RemediationStep(steps.size() + 1, List.of("fs.nacl.blocked"), "step " + (steps.size() + 1), "because", c, false));
    }
    return new RemediationPlan("resnet50", "us-east-1", steps, List.of());
  }

  static String acl(String entries) {
    return "<networkAclSet><item><networkAclId>" + ACL + "</networkAclId><vpcId>vpc-0a1b2c3d4e5f60001</vpcId>"
        + "<default>false</default><entrySet>" + entries + "</entrySet><associationSet/><tagSet/>"
        + "<ownerId>123456789012</ownerId></item></networkAclSet>";
  }

  static String entry(int number, boolean egress, String protocol, String action, Integer from, Integer to) {
    return "<item><ruleNumber>" + number + "</ruleNumber><protocol>" + protocol + "</protocol><ruleAction>" + action
        + "</ruleAction><egress>" + egress + "</egress><cidrBlock>" + (from == null ? "0.0.0.0/0" : "10.20.3.0/24")
        + "</cidrBlock>" + (from == null ? "" : "<portRange><from>" + from + "</from><to>" + to + "</to></portRange>") + "</item>";
  }
}
