package dev.vpctrain.core.remediation;

import dev.vpctrain.core.remediation.Change.Peer;
import dev.vpctrain.core.remediation.Change.Rule;

/** Renders a change as the AWS CLI command that makes it. */
final class Commands {
  private Commands() {}

  static String of(Change change) {
    if (change instanceof Change.CreateGatewayEndpoint c) {
      return "aws ec2 create-vpc-endpoint --vpc-id " + c.vpcId() + " --vpc-endpoint-type Gateway --service-name "
          + c.serviceName() + " --route-table-ids " + String.join(" ", c.routeTableIds())
          + " --policy-document file://endpoint-policy.json";
    }
    if (change instanceof Change.AddEndpointRouteTables c) {
      return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + c.vpcEndpointId() + " --add-route-table-ids "
          + String.join(" ", c.routeTableIds());
    }
    if (change instanceof Change.SetEndpointPolicy c) {
      return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + c.vpcEndpointId()
          + " --policy-document file://endpoint-policy.json";
    }
    if (change instanceof Change.EnableEndpointPrivateDns c) {
      return "aws ec2 modify-vpc-endpoint --vpc-endpoint-id " + c.vpcEndpointId() + " --private-dns-enabled";
    }
    if (change instanceof Change.CreateInterfaceEndpoint c) {
      StringBuilder sb = new StringBuilder("aws ec2 create-vpc-endpoint --vpc-id ").append(c.vpcId())
          .append(" --vpc-endpoint-type Interface --service-name ").append(c.serviceName())
          .append(" --subnet-ids ").append(String.join(" ", c.subnetIds()))
          .append(" --security-group-ids");
      c.securityGroups().forEach(g -> sb.append(' ').append(g.display()));
      if (c.privateDns()) {
        sb.append(" --private-dns-enabled");
      }
      return sb.toString();
    }
    if (change instanceof Change.CreateSecurityGroup c) {
      return "aws ec2 create-security-group --vpc-id " + c.group().vpcId() + " --group-name " + c.group().name()
          + " --description \"" + c.group().description() + "\"";
    }
    if (change instanceof Change.AuthorizeIngress c) {
      return "aws ec2 authorize-security-group-ingress --group-id " + c.group().display()
          + " --ip-permissions " + permission(c.rule());
    }
    if (change instanceof Change.AuthorizeEgress c) {
      return "aws ec2 authorize-security-group-egress --group-id " + c.group().display()
          + " --ip-permissions " + permission(c.rule());
    }
    if (change instanceof Change.SetBucketPolicy c) {
      return "aws s3api put-bucket-policy --bucket " + c.bucket() + " --policy file://bucket-policy.json";
    }
    if (change instanceof Change.EnableVpcAttribute c) {
      return "aws ec2 modify-vpc-attribute --vpc-id " + c.vpcId() + " --"
          + (c.attribute() == Change.VpcAttribute.ENABLE_DNS_SUPPORT ? "enable-dns-support" : "enable-dns-hostnames")
          + " '{\"Value\":true}'";
    }
    if (change instanceof Change.CreateNetworkAclEntry c) {
      return "aws ec2 create-network-acl-entry --network-acl-id " + c.networkAclId() + (c.egress() ? " --egress" : " --ingress")
          + " --rule-number " + c.ruleNumber() + " --protocol " + c.protocol()
          + (c.hasPorts() ? " --port-range From=" + c.fromPort() + ",To=" + c.toPort() : "")
          + " --cidr-block " + c.cidrBlock() + " --rule-action " + (c.allow() ? "allow" : "deny");
    }
    if (change instanceof Change.PutRolePolicy c) {
      return "aws iam put-role-policy --role-name " + c.roleName() + " --policy-name " + c.policyName()
          + " --policy-document file://role-policy.json";
    }
    return ((Change.Advice) change).text();
  }

  static String permission(Rule rule) {
    StringBuilder sb = new StringBuilder("IpProtocol=").append(rule.protocol());
    rule.fromPort().ifPresent(p -> sb.append(",FromPort=").append(p));
    rule.toPort().ifPresent(p -> sb.append(",ToPort=").append(p));
    Peer peer = rule.peer();
    peer.group().ifPresent(g -> sb.append(",UserIdGroupPairs=[{GroupId=").append(g.display()).append("}]"));
    peer.prefixListId().ifPresent(p -> sb.append(",PrefixListIds=[{PrefixListId=").append(p).append("}]"));
    peer.cidr().ifPresent(c -> sb.append(",IpRanges=[{CidrIp=").append(c).append("}]"));
    return sb.toString();
  }
}
