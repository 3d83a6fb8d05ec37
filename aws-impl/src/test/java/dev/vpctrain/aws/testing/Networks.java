package dev.vpctrain.aws.testing;

import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.AclEntry;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.EndpointType;
import dev.vpctrain.core.network.IgwAttachment;
import dev.vpctrain.core.network.InternetGateway;
import dev.vpctrain.core.network.NatGateway;
import dev.vpctrain.core.network.NetworkAcl;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Permission;
import dev.vpctrain.core.network.PrefixList;
import dev.vpctrain.core.network.Route;
import dev.vpctrain.core.network.RouteTable;
import dev.vpctrain.core.network.RouteTableAssociation;
import dev.vpctrain.core.network.SecurityGroup;
import dev.vpctrain.core.network.Subnet;
import dev.vpctrain.core.network.Tag;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.ArrayList;
import java.util.List;

/**
 * Networks for wire tests: a small private VPC ready for training (the "golden" one, whose XML is
 * also written by hand under {@code src/test/resources/wire}), noise from another VPC that
 * discovery must leave out, and generated VPCs of any size.
 */
public final class Networks {
  public static final String ACCOUNT = "123456789012";
  public static final String REGION = "us-east-1";
  public static final String VPC = "vpc-0a1b2c3d4e5f60001";
  public static final String SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  public static final String SUBNET_B = "subnet-0a1b2c3d4e5f60102";
  public static final String SUBNET_PUBLIC = "subnet-0a1b2c3d4e5f60201";
  public static final String SG_TRAINING = "sg-0a1b2c3d4e5f60401";
  public static final String SG_ENDPOINTS = "sg-0a1b2c3d4e5f60402";
  public static final String S3_PREFIX_LIST = "pl-63a5400a";
  public static final String DATA_BUCKET = "acme-ml-data";
  public static final String OUTPUT_BUCKET = "acme-ml-artifacts";
  public static final String DATA_POLICY = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"OnlyFromOurEndpoint\","
      + "\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"s3:*\",\"Resource\":[\"arn:aws:s3:::acme-ml-data\","
      + "\"arn:aws:s3:::acme-ml-data/*\"],\"Condition\":{\"StringNotEquals\":{\"aws:SourceVpce\":\"vpce-0a1b2c3d4e5f60501\"}}}]}";
  public static final String ENDPOINT_POLICY = "{\"Version\":\"2008-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":\"*\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

  private Networks() {}

  /** The job of the golden network: two private subnets, the training group, two buckets. */
  public static TrainingJobSpec job() {
    return TrainingJobSpec.builder()
        .name("resnet50-nightly")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311")
        .instanceType("ml.p4d.24xlarge")
        .instanceCount(2)
        .vpc(v -> v.subnets(SUBNET_A, SUBNET_B).securityGroups(SG_TRAINING))
        .inputChannel("train", "s3://" + DATA_BUCKET + "/imagenet/train/")
        .outputPath("s3://" + OUTPUT_BUCKET + "/resnet50/")
        .build();
  }

  /** The golden network as discovery must report it (without capturedAt). */
  public static NetworkSnapshot golden() {
    return NetworkSnapshot.builder()
        .region(REGION)
        .accountId(ACCOUNT)
        .vpcs(List.of(Vpc.builder()
            .vpcId(VPC).cidrBlock("10.20.0.0/16").addCidrBlocks("10.20.0.0/16", "100.64.0.0/16")
            .instanceTenancy("default").dhcpOptionsId("dopt-0a1b2c3d4e5f60001").ownerId(ACCOUNT).state("available")
            .enableDnsSupport(true).enableDnsHostnames(true).addTag(Tag.of("Name", "ml-training"))
            .build()))
        .dhcpOptions(List.of(DhcpOptions.builder().dhcpOptionsId("dopt-0a1b2c3d4e5f60001")
            .putConfiguration("domain-name", List.of("ec2.internal"))
            .putConfiguration("domain-name-servers", List.of("AmazonProvidedDNS"))
            .build()))
        .subnets(List.of(
            subnet(SUBNET_A, "10.20.1.0/24", "us-east-1a", "use1-az1", 240, "private-a", false),
            subnet(SUBNET_B, "10.20.2.0/24", "us-east-1b", "use1-az2", 233, "private-b", false),
            subnet(SUBNET_PUBLIC, "10.20.101.0/24", "us-east-1a", "use1-az1", 250, "public-a", true)))
        .securityGroups(List.of(
            SecurityGroup.builder().groupId(SG_TRAINING).groupName("sagemaker-training")
                .description("SageMaker training").vpcId(VPC).ownerId(ACCOUNT)
                .addIngress(Permission.builder().ipProtocol("-1").addGroupId(SG_TRAINING).build())
                .addEgress(Permission.builder().ipProtocol("-1").addGroupId(SG_TRAINING).build())
                .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                    .addPrefixListId(S3_PREFIX_LIST).build())
                .addEgress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                    .addIpRange("10.20.0.0/16").addIpv6Range("2600:1f18:abcd::/56").build())
                .build(),
            SecurityGroup.builder().groupId(SG_ENDPOINTS).groupName("vpc-endpoints")
                .description("Interface endpoints").vpcId(VPC).ownerId(ACCOUNT)
                .addIngress(Permission.builder().ipProtocol("tcp").fromPort(443).toPort(443)
                    .addGroupId(SG_TRAINING).build())
                .addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build())
                .addTag(Tag.of("team", "ml-platform"))
                .build()))
        .routeTables(List.of(
            RouteTable.builder().routeTableId("rtb-0a1b2c3d4e5f60001").vpcId(VPC).ownerId(ACCOUNT)
                .addAssociation(RouteTableAssociation.builder().main(true)
                    .routeTableAssociationId("rtbassoc-0a1b2c3d4e5f60001").state("associated").build())
                .addRoute(local())
                .build(),
            RouteTable.builder().routeTableId("rtb-0a1b2c3d4e5f60011").vpcId(VPC).ownerId(ACCOUNT)
                .addAssociation(assoc("rtbassoc-0a1b2c3d4e5f60011", SUBNET_A))
                .addAssociation(assoc("rtbassoc-0a1b2c3d4e5f60012", SUBNET_B))
                .addRoute(local())
                .addRoute(Route.builder().destinationPrefixListId(S3_PREFIX_LIST).gatewayId("vpce-0a1b2c3d4e5f60501")
                    .state("active").origin("CreateRoute").build())
                .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-0a1b2c3d4e5f60601")
                    .state("active").origin("CreateRoute").build())
                .addRoute(Route.builder().destinationCidrBlock("10.99.0.0/16")
                    .vpcPeeringConnectionId("pcx-0a1b2c3d4e5f60901").state("blackhole").origin("CreateRoute").build())
                .addTag(Tag.of("Name", "private"))
                .build(),
            RouteTable.builder().routeTableId("rtb-0a1b2c3d4e5f60021").vpcId(VPC).ownerId(ACCOUNT)
                .addAssociation(assoc("rtbassoc-0a1b2c3d4e5f60021", SUBNET_PUBLIC))
                .addRoute(local())
                .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").gatewayId("igw-0a1b2c3d4e5f60701")
                    .state("active").origin("CreateRoute").build())
                .build()))
        .vpcEndpoints(List.of(
            VpcEndpoint.builder().vpcEndpointId("vpce-0a1b2c3d4e5f60501").type(EndpointType.GATEWAY).vpcId(VPC)
                .serviceName("com.amazonaws.us-east-1.s3").state("available").policyDocument(ENDPOINT_POLICY)
                .addRouteTableId("rtb-0a1b2c3d4e5f60011").ownerId(ACCOUNT).build(),
            VpcEndpoint.builder().vpcEndpointId("vpce-0a1b2c3d4e5f60502").type(EndpointType.INTERFACE).vpcId(VPC)
                .serviceName("com.amazonaws.us-east-1.sts").state("available").policyDocument(ENDPOINT_POLICY)
                .addSubnetIds(SUBNET_A, SUBNET_B).addGroupId(SG_ENDPOINTS).privateDnsEnabled(true)
                .addNetworkInterfaceIds("eni-0a1b2c3d4e5f60a01", "eni-0a1b2c3d4e5f60a02").ownerId(ACCOUNT)
                .build()))
        .natGateways(List.of(NatGateway.builder().natGatewayId("nat-0a1b2c3d4e5f60601").vpcId(VPC)
            .subnetId(SUBNET_PUBLIC).state("available").connectivityType("public")
            .addPublicIp("3.210.1.10").addPrivateIp("10.20.101.10").addTag(Tag.of("Name", "nat-a")).build()))
        .internetGateways(List.of(InternetGateway.builder().internetGatewayId("igw-0a1b2c3d4e5f60701")
            .addAttachment(IgwAttachment.of(VPC, java.util.Optional.of("available"))).ownerId(ACCOUNT).build()))
        .networkAcls(List.of(NetworkAcl.builder().networkAclId("acl-0a1b2c3d4e5f60801").vpcId(VPC).isDefault(true)
            .addSubnetIds(SUBNET_A, SUBNET_B, SUBNET_PUBLIC)
            .addEntry(AclEntry.builder().ruleNumber(90).egress(false).protocol("6").allow(false)
                .cidrBlock("198.51.100.0/24").portFrom(22).portTo(22).build())
            .addEntry(AclEntry.builder().ruleNumber(95).egress(false).protocol("1").allow(true)
                .cidrBlock("0.0.0.0/0").icmpType(3).icmpCode(4).build())
            .addEntry(AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true)
                .cidrBlock("0.0.0.0/0").build())
            .addEntry(AclEntry.builder().ruleNumber(32767).egress(false).protocol("-1").allow(false)
                .cidrBlock("0.0.0.0/0").build())
            .addEntry(AclEntry.builder().ruleNumber(100).egress(true).protocol("-1").allow(true)
                .cidrBlock("0.0.0.0/0").build())
            .addEntry(AclEntry.builder().ruleNumber(101).egress(true).protocol("-1").allow(true)
                .ipv6CidrBlock("::/0").build())
            .addEntry(AclEntry.builder().ruleNumber(32767).egress(true).protocol("-1").allow(false)
                .cidrBlock("0.0.0.0/0").build())
            .ownerId(ACCOUNT).build()))
        .prefixLists(List.of(PrefixList.builder().prefixListId(S3_PREFIX_LIST)
            .prefixListName("com.amazonaws.us-east-1.s3")
            .addCidrs("3.5.0.0/19", "16.182.0.0/16", "52.216.0.0/15", "54.231.0.0/16").build()))
        .putBucket(DATA_BUCKET, dev.vpctrain.core.network.BucketFacts.builder().bucket(DATA_BUCKET)
            .region("us-east-1").policy(DATA_POLICY).build())
        .putBucket(OUTPUT_BUCKET, dev.vpctrain.core.network.BucketFacts.builder().bucket(OUTPUT_BUCKET)
            .region("us-east-1").policyState(dev.vpctrain.core.network.PolicyState.NONE).build())
        .build();
  }

  /** The golden network plus another VPC's resources in the same account (which discovery must leave out). */
  public static NetworkSnapshot goldenWithNoise() {
    NetworkSnapshot g = golden();
    String other = "vpc-0fedcba987654321f";
    return g.toBuilder()
        .vpcs(concat(g.vpcs().orElseThrow(), Vpc.builder().vpcId(other).cidrBlock("172.31.0.0/16")
            .addCidrBlock("172.31.0.0/16").instanceTenancy("dedicated").dhcpOptionsId("dopt-0fedcba987654321f")
            .ownerId(ACCOUNT).state("available").enableDnsSupport(false).enableDnsHostnames(false).build()))
        .dhcpOptions(concat(g.dhcpOptions().orElseThrow(), DhcpOptions.builder()
            .dhcpOptionsId("dopt-0fedcba987654321f").putConfiguration("domain-name", List.of("corp.example")).build()))
        .subnets(concat(g.subnets().orElseThrow(),
            subnet("subnet-0fedcba987654321f", "172.31.0.0/20", "us-east-1c", "use1-az4", 4000, "other", true)
                .withVpcId(other)))
        .securityGroups(concat(g.securityGroups().orElseThrow(), SecurityGroup.builder()
            .groupId("sg-0fedcba987654321f").groupName("default").vpcId(other).ownerId(ACCOUNT).build()))
        .routeTables(concat(g.routeTables().orElseThrow(), RouteTable.builder()
            .routeTableId("rtb-0fedcba987654321f").vpcId(other).addRoute(local()).build()))
        .internetGateways(concat(g.internetGateways().orElseThrow(), InternetGateway.builder()
            .internetGatewayId("igw-0fedcba987654321f").addAttachment(IgwAttachment.of(other,
                java.util.Optional.of("available"))).build(),
            InternetGateway.builder().internetGatewayId("igw-0fedcba98765432ff").build()))
        .networkAcls(concat(g.networkAcls().orElseThrow(), NetworkAcl.builder()
            .networkAclId("acl-0fedcba987654321f").vpcId(other).isDefault(true).build()))
        .prefixLists(concat(g.prefixLists().orElseThrow(), PrefixList.builder().prefixListId("pl-02cd2c6b")
            .prefixListName("com.amazonaws.us-east-1.dynamodb").addCidr("3.218.182.0/24").build()))
        .build();
  }

  /**
   * A generated VPC with {@code subnets} subnets: one route table per ten subnets (all with an S3
   * endpoint route and a NAT default route), one security group per ten subnets, one network ACL,
   * the S3 gateway endpoint and a NAT gateway. The job uses the first two subnets and first group.
   */
  public static NetworkSnapshot large(int subnets) {
    List<Subnet> subnetList = new ArrayList<>();
    List<RouteTable> tables = new ArrayList<>();
    List<SecurityGroup> groups = new ArrayList<>();
    NetworkAcl.Builder acl = NetworkAcl.builder().networkAclId("acl-0000000000000a001").vpcId(VPC).isDefault(true)
        .addEntry(AclEntry.builder().ruleNumber(100).egress(false).protocol("-1").allow(true).cidrBlock("0.0.0.0/0").build())
        .addEntry(AclEntry.builder().ruleNumber(100).egress(true).protocol("-1").allow(true).cidrBlock("0.0.0.0/0").build())
        .ownerId(ACCOUNT);
    RouteTable.Builder table = null;
    for (int i = 0; i < subnets; i++) {
      String id = String.format("subnet-%017x", 0x100000L + i);
      subnetList.add(subnet(id, "10." + (i / 256) + "." + (i % 256) + ".0/24",
          "us-east-1" + (char) ('a' + i % 3), "use1-az" + (1 + i % 3), 200 + i % 50, "gen-" + i, false));
      acl.addSubnetId(id);
      if (i % 10 == 0) {
        if (table != null) {
          tables.add(table.build());
        }
        String rtb = String.format("rtb-%017x", 0x200000L + i / 10);
        table = RouteTable.builder().routeTableId(rtb).vpcId(VPC).ownerId(ACCOUNT).addRoute(local())
            .addRoute(Route.builder().destinationPrefixListId(S3_PREFIX_LIST).gatewayId("vpce-0a1b2c3d4e5f60501")
                .state("active").origin("CreateRoute").build())
            .addRoute(Route.builder().destinationCidrBlock("0.0.0.0/0").natGatewayId("nat-0a1b2c3d4e5f60601")
                .state("active").origin("CreateRoute").build());
        groups.add(SecurityGroup.builder().groupId(String.format("sg-%017x", 0x300000L + i / 10))
            .groupName("group-" + i / 10).description("generated").vpcId(VPC).ownerId(ACCOUNT)
            .addIngress(Permission.builder().ipProtocol("-1").addGroupId(String.format("sg-%017x", 0x300000L + i / 10)).build())
            .addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build())
            .build());
      }
      table.addAssociation(assoc(String.format("rtbassoc-%017x", 0x400000L + i), id));
    }
    if (table != null) {
      tables.add(table.build());
    }
    NetworkSnapshot g = golden();
    return g.toBuilder()
        .subnets(subnetList)
        .securityGroups(groups)
        .routeTables(tables)
        .networkAcls(List.of(acl.build()))
        .vpcEndpoints(List.of(g.vpcEndpoints().orElseThrow().get(0)))
        .build();
  }

  /** The job of {@link #large}: its first two subnets and first group. */
  public static TrainingJobSpec largeJob() {
    return job().toBuilder()
        .vpc(v -> v.subnets(String.format("subnet-%017x", 0x100000L), String.format("subnet-%017x", 0x100001L))
            .securityGroups(String.format("sg-%017x", 0x300000L)))
        .build();
  }

  public static final String EFS_ID = "fs-0123456789abcdef0";
  public static final String FSX_ID = "fs-0fedcba9876543210";
  public static final String DB_ADDRESS = "10.20.2.15";
  public static final String SG_EFS = "sg-0a1b2c3d4e5f60601";
  public static final String SG_FSX = "sg-0a1b2c3d4e5f60801";
  public static final String SG_DB = "sg-0a1b2c3d4e5f60901";

  /**
   * {@code job} with an EFS channel and an FSx for Lustre channel, and three declared in-VPC targets:
   * the database by address ({@code features-db=10.20.2.15:5432}), by its security group, and the
   * Lustre file system's first network interface by id.
   */
  public static TrainingJobSpec inVpcJob(TrainingJobSpec job) {
    return job.toBuilder()
        .addInputChannel(dev.vpctrain.core.job.InputChannel.builder().name("efs").fileSystemId(EFS_ID)
            .fileSystemType("EFS").directoryPath("/train").fileSystemAccessMode("ro").build())
        .addInputChannel(dev.vpctrain.core.job.InputChannel.builder().name("lustre").fileSystemId(FSX_ID)
            .fileSystemType("FSxLustre").directoryPath("/abcdefgh/train").fileSystemAccessMode("ro").build())
        .requiresInVpc(dev.vpctrain.core.job.VpcTarget.parse("features-db=" + DB_ADDRESS + ":5432"),
            dev.vpctrain.core.job.VpcTarget.sg(SG_DB, 5432),
            dev.vpctrain.core.job.VpcTarget.eni("eni-0a1b2c3d4e5f60801", 988))
        .build();
  }

  /**
   * {@code n} (whose first VPC the job uses) plus the resources of {@link #inVpcJob} (formats.md
   * §2a): an EFS file system with a mount target in each of {@code subnetA} and {@code subnetB} (the
   * second without a DescribeMountTargetSecurityGroups answer of its own, so its interface's groups
   * serve), a PERSISTENT_2 Lustre file system with two interfaces in {@code subnetA}, a database
   * interface in {@code subnetB}, and their security groups admitting the training group.
   */
  public static NetworkSnapshot withInVpcResources(NetworkSnapshot n, String subnetA, String subnetB) {
    String vpc = n.vpcs().orElseThrow().get(0).vpcId();
    String training = SG_TRAINING;
    java.util.function.BiFunction<String, int[], SecurityGroup> group = (id, ports) -> SecurityGroup.builder()
        .groupId(id).groupName("storage-" + id.substring(id.length() - 3)).description("in-VPC resource")
        .vpcId(vpc).ownerId(ACCOUNT)
        .addIngress(Permission.builder().ipProtocol("tcp").fromPort(ports[0]).toPort(ports[1]).addGroupId(training).build())
        .addEgress(Permission.builder().ipProtocol("-1").addIpRange("0.0.0.0/0").build())
        .build();
    List<SecurityGroup> groups = new ArrayList<>(n.securityGroups().orElse(List.of()));
    groups.add(group.apply(SG_EFS, new int[] {2049, 2049}));
    groups.add(group.apply(SG_FSX, new int[] {988, 1023}));
    groups.add(group.apply(SG_DB, new int[] {5432, 5432}));
    java.util.function.Function<String[], dev.vpctrain.core.network.NetworkInterface> eni = a ->
        dev.vpctrain.core.network.NetworkInterface.builder().networkInterfaceId(a[0]).subnetId(a[1]).vpcId(vpc)
            .availabilityZone(a[1].equals(subnetA) ? "us-east-1a" : "us-east-1b").ownerId(ACCOUNT)
            .privateIpAddresses(List.of(a[2])).groupIds(List.of(a[3])).interfaceType(a[4]).status("in-use")
            .requesterManaged(true).description(a[5]).build();
    return n.toBuilder()
        .securityGroups(groups)
        .efsFileSystems(List.of(dev.vpctrain.core.network.EfsFileSystem.builder().fileSystemId(EFS_ID)
            .fileSystemArn("arn:aws:elasticfilesystem:us-east-1:" + ACCOUNT + ":file-system/" + EFS_ID)
            .name("training-data").ownerId(ACCOUNT).lifeCycleState("available").numberOfMountTargets(2)
            .creationTime(java.time.Instant.parse("2025-11-29T08:00:00Z")).build()))
        .efsMountTargets(List.of(
            mountTarget("fsmt-0a1b2c3d4e5f60701", subnetA, vpc, "us-east-1a", "use1-az1", "10.20.1.50",
                "eni-0a1b2c3d4e5f60701"),
            mountTarget("fsmt-0a1b2c3d4e5f60702", subnetB, vpc, "us-east-1b", "use1-az2", "10.20.2.50",
                "eni-0a1b2c3d4e5f60702")))
        .putEfsMountTargetSecurityGroup("fsmt-0a1b2c3d4e5f60701", List.of(SG_EFS))
        .putEfsFileSystemPolicy(EFS_ID, dev.vpctrain.core.network.EfsFileSystemPolicy.builder().fileSystemId(EFS_ID)
            .policyState(dev.vpctrain.core.network.PolicyState.PRESENT)
            .policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},"
                + "\"Action\":[\"elasticfilesystem:ClientMount\"],\"Condition\":{\"Bool\":"
                + "{\"elasticfilesystem:AccessedViaMountTarget\":\"true\"}}}]}")
            .build())
        .fsxFileSystems(List.of(dev.vpctrain.core.network.FsxFileSystem.builder().fileSystemId(FSX_ID)
            .fileSystemType("LUSTRE").lifecycle("AVAILABLE").vpcId(vpc).subnetIds(List.of(subnetA))
            .networkInterfaceIds(List.of("eni-0a1b2c3d4e5f60801", "eni-0a1b2c3d4e5f60802"))
            .dnsName(FSX_ID + ".fsx.us-east-1.amazonaws.com").ownerId(ACCOUNT).lustreDeploymentType("PERSISTENT_2")
            .mountName("abcdefgh").efaEnabled(false).creationTime(java.time.Instant.parse("2025-11-29T08:00:00Z"))
            .build()))
        .networkInterfaces(List.of(
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60701", subnetA, "10.20.1.50", SG_EFS, "efs",
                "EFS mount target for " + EFS_ID + " (fsmt-0a1b2c3d4e5f60701)"}),
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60702", subnetB, "10.20.2.50", SG_EFS, "efs",
                "EFS mount target for " + EFS_ID + " (fsmt-0a1b2c3d4e5f60702)"}),
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60801", subnetA, "10.20.1.201", SG_FSX, "lustre",
                "Lustre network interface"}),
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60802", subnetA, "10.20.1.202", SG_FSX, "lustre",
                "Lustre network interface"}),
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60901", subnetB, DB_ADDRESS, SG_DB, "interface",
                "RDSNetworkInterface"}),
            eni.apply(new String[] {"eni-0a1b2c3d4e5f60999", subnetB, "10.20.2.99", SG_TRAINING, "interface",
                "unrelated, not selected by any filter"})))
        .build();
  }

  private static dev.vpctrain.core.network.EfsMountTarget mountTarget(String id, String subnet, String vpc, String az,
      String azId, String ip, String eni) {
    return dev.vpctrain.core.network.EfsMountTarget.builder().mountTargetId(id).fileSystemId(EFS_ID).subnetId(subnet)
        .vpcId(vpc).availabilityZoneName(az).availabilityZoneId(azId).lifeCycleState("available").ipAddress(ip)
        .networkInterfaceId(eni).ownerId(ACCOUNT).build();
  }

  /** The account serving {@code network} with the golden buckets. */
  public static FakeAccount account(NetworkSnapshot network) {
    return FakeAccount.of(network)
        .withBucket(DATA_BUCKET, null, DATA_POLICY)
        .withBucket(OUTPUT_BUCKET, null, null);
  }

  private static Subnet subnet(String id, String cidr, String az, String azId, int free, String name, boolean pub) {
    return Subnet.builder().subnetId(id).vpcId(VPC).cidrBlock(cidr).availabilityZone(az).availabilityZoneId(azId)
        .availableIpAddressCount(free).state("available").mapPublicIpOnLaunch(pub).ownerId(ACCOUNT)
        .addTag(Tag.of("Name", name)).build();
  }

  private static Route local() {
    return Route.builder().destinationCidrBlock("10.20.0.0/16").gatewayId("local").state("active")
        .origin("CreateRouteTable").build();
  }

  private static RouteTableAssociation assoc(String id, String subnet) {
    return RouteTableAssociation.builder().routeTableAssociationId(id).subnetId(subnet).state("associated").build();
  }

  @SafeVarargs
  private static <T> List<T> concat(List<T> list, T... more) {
    List<T> out = new ArrayList<>(list);
    out.addAll(List.of(more));
    return out;
  }
}
