package dev.vpctrain.benchmarks;

import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PolicyState;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * A large synthetic network and a job over it, for the preflight benchmark. At scale 1: 1,000
 * subnets, 1,000 route tables of 20 routes, 2,000 security groups of 25 rules, 100 endpoints with
 * 50-statement policies; the job uses 16 subnets, 5 security groups and 10 buckets. Deterministic
 * (fixed seed). Job subnets route S3 to a gateway endpoint and the internet to healthy NAT gateways.
 */
public final class SyntheticNetwork {
  public static final String REGION = "us-east-1";
  public static final String VPC = "vpc-0bench000000000001";
  static final String S3_PL = "pl-63a5400a";
  static final String DDB_PL = "pl-02cd2c6b";
  static final String IGW = "igw-0bench000000000001";
  static final List<String> S3_CIDRS =
      List.of("3.5.0.0/19", "16.15.176.0/20", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16");
  static final String[] SERVICES = {"sts", "logs", "monitoring", "ecr.api", "ecr.dkr", "kms", "secretsmanager", "ssm",
      "sagemaker.api", "sagemaker.runtime"};

  private final NetworkSnapshot network;
  private final TrainingJobSpec job;

  private SyntheticNetwork(NetworkSnapshot network, TrainingJobSpec job) {
    this.network = network;
    this.job = job;
  }

  public NetworkSnapshot network() {
    return network;
  }

  public TrainingJobSpec job() {
    return job;
  }

  /** The network at {@code scale} (1 = the sizes above; at least 16 subnets and tables). */
  public static SyntheticNetwork of(double scale) {
    Random rnd = new Random(42);
    int subnets = Math.max(32, (int) Math.round(1000 * scale));
    int tables = subnets;
    int groups = Math.max(8, (int) Math.round(2000 * scale));
    int endpoints = Math.max(12, (int) Math.round(100 * scale));
    int nats = Math.max(2, subnets / 100);

    List<Subnet> subnetList = new ArrayList<>();
    for (int i = 0; i < subnets; i++) {
      subnetList.add(Subnet.builder().subnetId(subnetId(i)).vpcId(VPC).cidrBlock(cidr24(i))
          .availabilityZone(REGION + "abcdef".charAt(i % 6)).availableIpAddressCount(50 + rnd.nextInt(200))
          .state("available").ownerId("123456789012").build());
    }
    // public subnets hold the NAT gateways; their table (the last one) routes to the IGW
    List<NatGateway> natList = new ArrayList<>();
    for (int n = 0; n < nats; n++) {
      natList.add(NatGateway.builder().natGatewayId(String.format("nat-0bench%012d", n)).vpcId(VPC)
          .subnetId(subnetId(subnets - 1 - n)).state("available").connectivityType("public")
          .addPublicIp("198.51.100." + (n % 250 + 1)).build());
    }
    List<RouteTable> tableList = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      String id = rtbId(t);
      RouteTable.Builder b = RouteTable.builder().routeTableId(id).vpcId(VPC);
      boolean isPublic = t >= tables - nats;
      if (t == 0) {
        b.addAssociation(RouteTableAssociation.builder().main(true).state("associated").build());
      }
      b.addAssociation(RouteTableAssociation.builder().subnetId(subnetId(t)).state("associated").build());
      b.addRoute(route("10.0.0.0/8", "local"));
      b.addRoute(route("0.0.0.0/0", isPublic ? IGW : natList.get(t % nats).natGatewayId()));
      b.addRoute(Route.builder().destinationPrefixListId(S3_PL).gatewayId("vpce-0bench00000000s3").state("active").build());
      b.addRoute(Route.builder().destinationPrefixListId(DDB_PL).gatewayId("vpce-0bench0000000ddb").state("active").build());
      for (int r = 0; r < 16; r++) {
        String dest = "172." + (16 + r) + "." + (t % 256) + ".0/24";
        b.addRoute(route(dest, r % 2 == 0 ? "tgw-0bench000000000001" : "pcx-0bench00000000" + String.format("%03d", r)));
      }
      tableList.add(b.build());
    }
    List<SecurityGroup> sgList = new ArrayList<>();
    for (int g = 0; g < groups; g++) {
      String id = sgId(g);
      SecurityGroup.Builder b = SecurityGroup.builder().groupId(id).groupName("group-" + g).vpcId(VPC);
      for (int r = 0; r < 13; r++) {
        b.addIngress(permission(rnd, r, groups));
      }
      for (int r = 0; r < 12; r++) {
        b.addEgress(permission(rnd, r + 13, groups));
      }
      sgList.add(b.build());
    }
    // the job's groups: self-referencing, with egress everywhere (the common setup)
    List<String> jobGroups = new ArrayList<>();
    for (int g = 0; g < 5; g++) {
      String id = sgId(g);
      jobGroups.add(id);
      SecurityGroup.Builder b = SecurityGroup.builder().from(sgList.get(g));
      b.addIngress(Permission.builder().ipProtocol("-1").addGroupId(id).build());
      b.addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build());
      b.addEgress(Permission.builder().ipProtocol("-1").addGroupId(id).build());
      sgList.set(g, b.build());
    }
    List<VpcEndpoint> endpointList = new ArrayList<>();
    endpointList.add(VpcEndpoint.builder().vpcEndpointId("vpce-0bench00000000s3").type(EndpointType.GATEWAY).vpcId(VPC)
        .serviceName("com.amazonaws." + REGION + ".s3").state("available").policyDocument(policy(50, "s3"))
        .addAllRouteTableIds(tableIds(tables)).build());
    endpointList.add(VpcEndpoint.builder().vpcEndpointId("vpce-0bench0000000ddb").type(EndpointType.GATEWAY).vpcId(VPC)
        .serviceName("com.amazonaws." + REGION + ".dynamodb").state("available").policyDocument(policy(50, "dynamodb"))
        .addAllRouteTableIds(tableIds(tables)).build());
    for (int e = 2; e < endpoints; e++) {
      String service = e - 2 < SERVICES.length ? SERVICES[e - 2] : "custom" + e;
      VpcEndpoint.Builder b = VpcEndpoint.builder().vpcEndpointId(String.format("vpce-0bench%09d", e)).type(EndpointType.INTERFACE)
          .vpcId(VPC).serviceName("com.amazonaws." + REGION + "." + service).state("available").privateDnsEnabled(true)
          .policyDocument(policy(50, service)).addGroupId(sgId(5 + e % 20));
      for (int s = 0; s < 6; s++) {
        b.addSubnetId(subnetId((e * 7 + s) % subnets));
      }
      endpointList.add(b.build());
    }
    for (int g = 5; g < 25 && g < groups; g++) {
      // endpoint groups admit HTTPS from the job's groups
      SecurityGroup.Builder b = SecurityGroup.builder().from(sgList.get(g));
      b.addIngress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443).addAllGroupIds(jobGroups).build());
      sgList.set(g, b.build());
    }
    List<NetworkAcl> acls = new ArrayList<>();
    int aclCount = Math.max(4, subnets / 50);
    for (int a = 0; a < aclCount; a++) {
      NetworkAcl.Builder b = NetworkAcl.builder().networkAclId(String.format("acl-0bench%012d", a)).vpcId(VPC).isDefault(a == 0);
      for (int s = a; s < subnets; s += aclCount) {
        b.addSubnetId(subnetId(s));
      }
      for (int r = 0; r < 8; r++) {
        b.addEntry(AclEntry.builder().ruleNumber(10 + r).egress(r % 2 == 0).protocol("6").allow(false)
            .cidrBlock("192.0.2." + (r * 8) + "/29").portFrom(22).portTo(22).build());
      }
      b.addEntry(AclEntry.builder().ruleNumber(100).egress(true).protocol("-1").allow(true).cidrBlock("0.0.0.0/0").build());
      b.addEntry(AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true).cidrBlock("0.0.0.0/0").build());
      b.addEntry(AclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").allow(false).cidrBlock("0.0.0.0/0").build());
      b.addEntry(AclEntry.builder().ruleNumber(32767).egress(false).protocol("-1").allow(false).cidrBlock("0.0.0.0/0").build());
      acls.add(b.build());
    }
    NetworkSnapshot.Builder nb = NetworkSnapshot.builder().region(REGION).accountId("123456789012")
        .vpcs(List.of(Vpc.builder().vpcId(VPC).cidrBlock("10.0.0.0/8").addCidrBlock("10.0.0.0/8").instanceTenancy("default")
            .dhcpOptionsId("dopt-0bench000000000001").state("available").enableDnsSupport(true).enableDnsHostnames(true).build()))
        .dhcpOptions(List.of(DhcpOptions.builder().dhcpOptionsId("dopt-0bench000000000001")
            .putConfiguration("domain-name", List.of("ec2.internal"))
            .putConfiguration("domain-name-servers", List.of("AmazonProvidedDNS")).build()))
        .subnets(subnetList)
        .securityGroups(sgList)
        .routeTables(tableList)
        .vpcEndpoints(endpointList)
        .natGateways(natList)
        .internetGateways(List.of(InternetGateway.builder().internetGatewayId(IGW)
            .addAttachment(IgwAttachment.of(VPC, Optional.of("available"))).build()))
        .networkAcls(acls)
        .prefixLists(List.of(
            PrefixList.builder().prefixListId(S3_PL).prefixListName("com.amazonaws." + REGION + ".s3").addAllCidrs(S3_CIDRS).build(),
            PrefixList.builder().prefixListId(DDB_PL).prefixListName("com.amazonaws." + REGION + ".dynamodb")
                .addCidr("3.218.180.0/22").addCidr("52.94.0.0/22").build()));
    TrainingJobSpec.Builder jb = TrainingJobSpec.builder()
        .name("bench-job")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTraining")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311")
        .instanceType("ml.p4d.24xlarge").instanceCount(4)
        .requires(AwsService.STS, AwsService.LOGS, AwsService.ECR_API, AwsService.KMS)
        .requiresInternet("pypi.org", 443);
    List<String> jobSubnets = new ArrayList<>();
    for (int s = 0; s < 16; s++) {
      jobSubnets.add(subnetId(s * (subnets / 2 / 16)));
    }
    jb.vpc(v -> v.subnets(jobSubnets).securityGroups(jobGroups));
    for (int k = 0; k < 10; k++) {
      String bucket = "bench-bucket-" + k;
      nb.putBucket(bucket, BucketFacts.builder().bucket(bucket).region(REGION).policyState(PolicyState.PRESENT)
          .policy(bucketPolicy(bucket)).build());
      if (k < 8) {
        jb.inputChannel("channel-" + k, "s3://" + bucket + "/data/" + k + "/");
      }
    }
    jb.outputPath("s3://bench-bucket-8/output/").checkpointUri("s3://bench-bucket-9/checkpoints/");
    return new SyntheticNetwork(nb.build(), jb.build());
  }

  private static Permission permission(Random rnd, int r, int groups) {
    Permission.Builder b = Permission.builder();
    switch (r % 5) {
      case 0:
        return b.ipProtocol("tcp").fromPort(443).toPort(443).addIpRange("10." + rnd.nextInt(256) + ".0.0/16").build();
      case 1:
        return b.ipProtocol("tcp").fromPort(8000 + r).toPort(8100 + r).addGroupId(sgId(rnd.nextInt(groups))).build();
      case 2:
        return b.ipProtocol("udp").fromPort(53).toPort(53).addIpRange("172." + (16 + rnd.nextInt(16)) + ".0.0/16").build();
      case 3:
        return b.ipProtocol("tcp").fromPort(22).toPort(22).addIpRange("192.0.2." + rnd.nextInt(256) + "/32").build();
      default:
        return b.ipProtocol("tcp").fromPort(443).toPort(443).addPrefixListId(r % 2 == 0 ? S3_PL : DDB_PL).build();
    }
  }

  private static String policy(int statements, String service) {
    StringBuilder sb = new StringBuilder("{\"Version\":\"2012-10-17\",\"Statement\":[");
    for (int i = 0; i < statements; i++) {
      if (i > 0) {
        sb.append(',');
      }
      boolean deny = i % 10 == 9;
      sb.append("{\"Sid\":\"S").append(i).append("\",\"Effect\":\"").append(deny ? "Deny" : "Allow")
          .append("\",\"Principal\":\"*\",\"Action\":[\"").append(service.startsWith("s3") ? "s3" : service.replace('.', '-'))
          .append(":Get*\",\"").append(service.startsWith("s3") ? "s3:PutObject" : "kms:Decrypt").append("\"],\"Resource\":[")
          .append(service.equals("s3") ? "\"arn:aws:s3:::bench-bucket-" + (i % 10) + "\",\"arn:aws:s3:::bench-bucket-" + (i % 10) + "/*\""
              : "\"*\"")
          .append("]");
      if (deny) {
        sb.append(",\"Condition\":{\"StringNotEquals\":{\"aws:PrincipalAccount\":\"123456789012\"}}");
      }
      sb.append('}');
    }
    return sb.append("]}").toString();
  }

  private static String bucketPolicy(String bucket) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyThroughEndpoint\",\"Effect\":\"Deny\",\"Principal\":\"*\","
        + "\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::" + bucket + "\",\"arn:aws:s3:::" + bucket + "/*\"],"
        + "\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0bench00000000s3\"}}}]}";
  }

  private static List<String> tableIds(int tables) {
    List<String> ids = new ArrayList<>();
    for (int t = 0; t < tables; t++) {
      ids.add(rtbId(t));
    }
    return ids;
  }

  private static Route route(String dest, String target) {
    Route.Builder b = Route.builder().destinationCidrBlock(dest).state("active");
    if (target.startsWith("nat-")) {
      b.natGatewayId(target);
    } else if (target.startsWith("tgw-")) {
      b.transitGatewayId(target);
    } else if (target.startsWith("pcx-")) {
      b.vpcPeeringConnectionId(target);
    } else {
      b.gatewayId(target);
    }
    return b.build();
  }

  static String subnetId(int i) {
    return String.format("subnet-0b%015x", i);
  }

  static String rtbId(int i) {
    return String.format("rtb-0b%015x", i);
  }

  static String sgId(int i) {
    return String.format("sg-0b%015x", i);
  }

  private static String cidr24(int i) {
    return "10." + (i / 256) + "." + (i % 256) + ".0/24";
  }
}
