package dev.vpctrain.benchmarks;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.job.AwsService;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.network.CaptureFilter;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EfsFileSystem;
import dev.vpctrain.core.network.EfsMountTarget;
import dev.vpctrain.core.network.FsxFileSystem;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkInterface;
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
 * Inside the VPC the job mounts two EFS and two FSx for Lustre file systems and declares ten targets
 * (four database security groups, three addresses, one ENI, one peered CIDR, one address no ENI
 * holds); one network interface per subnet besides theirs.
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
    InVpc inVpc = inVpc(subnets, sgList, jobGroups);
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
        .networkInterfaces(inVpc.interfaces)
        .putCaptureFilter("ec2:DescribeNetworkInterfaces", List.of(CaptureFilter.of("vpc-id", List.of(VPC))))
        .efsFileSystems(inVpc.efs)
        .efsMountTargets(inVpc.mountTargets)
        .fsxFileSystems(inVpc.fsx)
        .prefixLists(List.of(
            PrefixList.builder().prefixListId(S3_PL).prefixListName("com.amazonaws." + REGION + ".s3").addAllCidrs(S3_CIDRS).build(),
            PrefixList.builder().prefixListId(DDB_PL).prefixListName("com.amazonaws." + REGION + ".dynamodb")
                .addCidr("3.218.180.0/22").addCidr("52.94.0.0/22").build()));
    TrainingJobSpec.Builder jb = TrainingJobSpec.builder()
        .name("bench-job")
        .roleArn("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE)
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
    inVpc.channels.forEach(jb::addInputChannel);
    inVpc.targets.forEach(jb::requiresInVpc);
    nb.iam(iam());
    jb.outputPath("s3://bench-bucket-8/output/").checkpointUri("s3://bench-bucket-9/checkpoints/");
    return new SyntheticNetwork(nb.build(), jb.build());
  }

  private static final String ACCOUNT = "123456789012";
  private static final String ROLE = "SageMakerTraining";

  /**
   * The job's role as a scoped {@code iam} section: a trust policy with the confused-deputy
   * conditions, four inline policies (the VPC interfaces scoped by {@code ec2:Vpc}, the ten buckets,
   * logs and metrics, the file systems), an attached managed policy of 40 statements for other
   * services, and a permissions boundary that allows everything but IAM.
   */
  private static IamEvidence iam() {
    String arn = "arn:aws:ec2:" + REGION + ":" + ACCOUNT + ":";
    String trust = doc("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"" + ACCOUNT + "\"},"
        + "\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:sagemaker:" + REGION + ":" + ACCOUNT + ":training-job/*\"}}}");
    String vpc = doc("{\"Effect\":\"Allow\",\"Action\":[\"ec2:DescribeNetworkInterfaces\",\"ec2:DescribeVpcs\","
        + "\"ec2:DescribeDhcpOptions\",\"ec2:DescribeSubnets\",\"ec2:DescribeSecurityGroups\"],\"Resource\":\"*\"}",
        "{\"Effect\":\"Allow\",\"Action\":[\"ec2:CreateNetworkInterface\",\"ec2:CreateNetworkInterfacePermission\","
        + "\"ec2:DeleteNetworkInterface\",\"ec2:DeleteNetworkInterfacePermission\"],\"Resource\":[\"" + arn
        + "network-interface/*\",\"" + arn + "subnet/*\",\"" + arn + "security-group/*\"],"
        + "\"Condition\":{\"ArnEquals\":{\"ec2:Vpc\":\"" + arn + "vpc/" + VPC + "\"}}}");
    StringBuilder buckets = new StringBuilder();
    for (int k = 0; k < 10; k++) {
      buckets.append(k == 0 ? "" : ",").append("\"arn:aws:s3:::bench-bucket-").append(k).append("\",\"arn:aws:s3:::bench-bucket-")
          .append(k).append("/*\"");
    }
    String data = doc("{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:ListBucket\",\"s3:PutObject\"],"
        + "\"Resource\":[" + buckets + "]}");
    String logs = doc("{\"Effect\":\"Allow\",\"Action\":[\"logs:CreateLogGroup\",\"logs:DescribeLogStreams\","
        + "\"logs:CreateLogStream\",\"logs:PutLogEvents\"],\"Resource\":\"arn:aws:logs:" + REGION + ":" + ACCOUNT
        + ":log-group:/aws/sagemaker/TrainingJobs:*\"}",
        "{\"Effect\":\"Allow\",\"Action\":\"cloudwatch:PutMetricData\",\"Resource\":\"*\"}");
    String fs = doc("{\"Effect\":\"Allow\",\"Action\":[\"elasticfilesystem:DescribeFileSystems\","
        + "\"elasticfilesystem:DescribeMountTargets\",\"fsx:DescribeFileSystems\"],\"Resource\":\"*\"}");
    List<String> other = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      other.add("{\"Sid\":\"Other" + i + "\",\"Effect\":\"" + (i % 10 == 9 ? "Deny" : "Allow") + "\",\"Action\":[\"dynamodb:Get"
          + i + "*\",\"sqs:Send" + i + "*\"],\"Resource\":\"arn:aws:dynamodb:" + REGION + ":" + ACCOUNT + ":table/t" + i + "\"}");
    }
    String managedArn = "arn:aws:iam::" + ACCOUNT + ":policy/bench-other-services";
    String boundaryArn = "arn:aws:iam::" + ACCOUNT + ":policy/bench-boundary";
    String boundary = doc("{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}",
        "{\"Effect\":\"Deny\",\"Action\":\"iam:*\",\"Resource\":\"*\"}");
    IamRole role = IamRole.builder().roleName(ROLE).arn("arn:aws:iam::" + ACCOUNT + ":role/" + ROLE).trustPolicy(trust)
        .inlinePolicies(List.of(InlinePolicy.of("vpc", Optional.of(vpc)), InlinePolicy.of("data", Optional.of(data)),
            InlinePolicy.of("logs", Optional.of(logs)), InlinePolicy.of("file-systems", Optional.of(fs))))
        .attachedPolicyArns(List.of(managedArn)).permissionsBoundaryArn(boundaryArn).build();
    return IamEvidence.builder().roles(List.of(role)).policies(List.of(
        ManagedPolicy.builder().arn(managedArn).policyName("bench-other-services").defaultVersionId("v1")
            .document(doc(other.toArray(new String[0]))).build(),
        ManagedPolicy.builder().arn(boundaryArn).policyName("bench-boundary").defaultVersionId("v1").document(boundary).build()))
        .build();
  }

  private static String doc(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  /** The file systems, targets and network interfaces of the job's in-VPC resources (groups 30-36). */
  private static final class InVpc {
    final List<NetworkInterface> interfaces = new ArrayList<>();
    final List<EfsFileSystem> efs = new ArrayList<>();
    final List<EfsMountTarget> mountTargets = new ArrayList<>();
    final List<FsxFileSystem> fsx = new ArrayList<>();
    final List<InputChannel> channels = new ArrayList<>();
    final List<VpcTarget> targets = new ArrayList<>();
  }

  private static InVpc inVpc(int subnets, List<SecurityGroup> sgList, List<String> jobGroups) {
    InVpc r = new InVpc();
    String efsGroup = sgId(30);
    String fsxGroup = sgId(31);
    for (int i = 0; i < subnets; i++) {
      r.interfaces.add(eni(String.format("eni-0b%015x", i), i, "10." + (i / 256) + "." + (i % 256) + ".200", sgId(40 + i % 20)));
    }
    for (int f = 0; f < 2; f++) {
      String fsId = String.format("fs-0bench00000000e%02d", f);
      r.efs.add(EfsFileSystem.builder().fileSystemId(fsId).lifeCycleState("available").numberOfMountTargets(6)
          .ownerId("123456789012").build());
      for (int az = 0; az < 6; az++) {
        String eniId = String.format("eni-0bench0000%02d%05d", f, az);
        r.mountTargets.add(EfsMountTarget.builder().mountTargetId(String.format("fsmt-0bench00000%02d%04d", f, az))
            .fileSystemId(fsId).subnetId(subnetId(az)).vpcId(VPC).availabilityZoneName(REGION + "abcdef".charAt(az))
            .lifeCycleState("available").ipAddress("10.0." + az + "." + (10 + f)).networkInterfaceId(eniId).build());
        r.interfaces.add(eni(eniId, az, "10.0." + az + "." + (10 + f), efsGroup));
      }
      r.channels.add(InputChannel.builder().name("efs-" + f).fileSystemId(fsId).fileSystemType("EFS")
          .directoryPath("/data/" + f).fileSystemAccessMode("ro").build());
    }
    for (int f = 0; f < 2; f++) {
      String fsId = String.format("fs-0bench00000000f%02d", f);
      List<String> enis = List.of(String.format("eni-0bench0000f%d00001", f), String.format("eni-0bench0000f%d00002", f));
      for (int k = 0; k < enis.size(); k++) {
        r.interfaces.add(eni(enis.get(k), 40, "10.0.40." + (20 + f * 2 + k), fsxGroup));
      }
      r.fsx.add(FsxFileSystem.builder().fileSystemId(fsId).fileSystemType("LUSTRE").lifecycle("AVAILABLE").vpcId(VPC)
          .addSubnetIds(subnetId(40)).addAllNetworkInterfaceIds(enis).lustreDeploymentType("PERSISTENT_2")
          .mountName("bench" + f + "ab").build());
      r.channels.add(InputChannel.builder().name("fsx-" + f).fileSystemId(fsId).fileSystemType("FSxLustre")
          .directoryPath("/bench" + f + "ab/train").fileSystemAccessMode("ro").build());
    }
    // the file systems' groups admit the job; the job admits the Lustre servers
    sgList.set(30, SecurityGroup.builder().from(sgList.get(30)).addIngress(Permission.builder().ipProtocol("tcp")
        .fromPort(2049).toPort(2049).addAllGroupIds(jobGroups).build()).build());
    Permission lustre = Permission.builder().ipProtocol("tcp").fromPort(988).toPort(988).addGroupId(fsxGroup)
        .addAllGroupIds(jobGroups).build();
    Permission lustreHigh = Permission.builder().ipProtocol("tcp").fromPort(1018).toPort(1023).addGroupId(fsxGroup)
        .addAllGroupIds(jobGroups).build();
    sgList.set(31, SecurityGroup.builder().from(sgList.get(31)).addIngress(lustre, lustreHigh).addEgress(lustre, lustreHigh)
        .build());
    sgList.set(0, SecurityGroup.builder().from(sgList.get(0)).addIngress(Permission.builder().ipProtocol("tcp")
        .fromPort(988).toPort(988).addGroupId(fsxGroup).build(), Permission.builder().ipProtocol("tcp")
        .fromPort(1018).toPort(1023).addGroupId(fsxGroup).build()).build());
    for (int d = 0; d < 4; d++) {
      String db = sgId(32 + d);
      sgList.set(32 + d, SecurityGroup.builder().from(sgList.get(32 + d)).addIngress(Permission.builder().ipProtocol("tcp")
          .fromPort(5432).toPort(5432).addGroupId(jobGroups.get(d)).build()).build());
      for (int k = 0; k < 2; k++) {
        r.interfaces.add(eni(String.format("eni-0bench00db%d%05d", d, k), 60 + d, "10.0." + (60 + d) + "." + (30 + k), db));
      }
      r.targets.add(VpcTarget.sg(db, 5432).withLabel("db" + d));
    }
    for (int a = 0; a < 3; a++) {
      r.targets.add(VpcTarget.address("10.0." + (70 + a) + ".200", 443));
    }
    r.targets.add(VpcTarget.eni(String.format("eni-0b%015x", 80), 8080));
    r.targets.add(VpcTarget.cidr("172.17.0.0/24", 443).withLabel("peered"));
    r.targets.add(VpcTarget.address("10.0.90.77", 6379).withLabel("gone"));
    return r;
  }

  private static NetworkInterface eni(String id, int subnet, String address, String group) {
    return NetworkInterface.builder().networkInterfaceId(id).subnetId(subnetId(subnet)).vpcId(VPC)
        .availabilityZone(REGION + "abcdef".charAt(subnet % 6)).ownerId("123456789012").addPrivateIpAddresses(address)
        .addGroupIds(group).interfaceType("interface").status("in-use").build();
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
