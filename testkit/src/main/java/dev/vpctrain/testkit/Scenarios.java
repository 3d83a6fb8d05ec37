package dev.vpctrain.testkit;

import dev.vpctrain.core.job.InputChannel;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.job.VpcTarget;
import dev.vpctrain.core.report.Verdict;
import dev.vpctrain.testkit.network.NetworkBuilder;
import dev.vpctrain.testkit.network.Permissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Ready scenarios: the six situations of vpctrain's examples, each a network and the job meant for
 * it. All share one VPC ({@code vpc-0a1b2c3d4e5f60001}, {@code 10.20.0.0/16}, us-east-1) with two
 * private subnets ({@code subnet-0a1b2c3d4e5f60101}, {@code …0102}), one public subnet
 * ({@code …0201}), a training security group ({@code sg-0a1b2c3d4e5f60401}) and the buckets
 * {@code acme-ml-data} and {@code acme-ml-artifacts}; each scenario breaks one thing.
 *
 * <p>{@link #inVpc()} adds worlds with resources inside the VPC, each ready and broken in the ways
 * jobs fail in production: an EFS file system with a mount target per private subnet
 * ({@link #efsFileSystem()}), an FSx for Lustre file system ({@link #fsxLustre()}) and an
 * RDS-style database, a network interface with its security group in a private subnet
 * ({@link #rdsDatabase()}, the job declares it with {@code requiresInVpc}).
 */
public final class Scenarios {
  /** The scenarios' VPC. */
  public static final String VPC = "vpc-0a1b2c3d4e5f60001";
  /** The first private subnet, the job's. */
  public static final String PRIVATE_SUBNET_A = "subnet-0a1b2c3d4e5f60101";
  /** The second private subnet, the job's. */
  public static final String PRIVATE_SUBNET_B = "subnet-0a1b2c3d4e5f60102";
  /** The public subnet. */
  public static final String PUBLIC_SUBNET = "subnet-0a1b2c3d4e5f60201";
  /** The job's security group. */
  public static final String TRAINING_GROUP = "sg-0a1b2c3d4e5f60401";
  /** The interface endpoints' security group. */
  public static final String ENDPOINT_GROUP = "sg-0a1b2c3d4e5f60402";
  /** The S3 endpoint. */
  public static final String S3_ENDPOINT = "vpce-0a1b2c3d4e5f60301";
  /** The private subnets' route table. */
  public static final String PRIVATE_ROUTE_TABLE = "rtb-0a1b2c3d4e5f60011";
  /** The public subnet's route table. */
  public static final String PUBLIC_ROUTE_TABLE = "rtb-0a1b2c3d4e5f60021";
  /** The VPC's main route table. */
  public static final String MAIN_ROUTE_TABLE = "rtb-0a1b2c3d4e5f60001";
  /** The VPC's internet gateway. */
  public static final String INTERNET_GATEWAY = "igw-0a1b2c3d4e5f60001";
  /** The bucket of the job's input. */
  public static final String DATA_BUCKET = "acme-ml-data";
  /** The bucket of the job's output. */
  public static final String ARTIFACT_BUCKET = "acme-ml-artifacts";
  /** The EFS file system of {@link #efsFileSystem()}, its mount targets (one per private subnet) and their group. */
  public static final String EFS_FILE_SYSTEM = "fs-0a1b2c3d4e5f60801";
  /** The EFS mount target in the first private subnet. */
  public static final String EFS_MOUNT_TARGET_A = "fsmt-0a1b2c3d4e5f60811";
  /** The EFS mount target in the second private subnet. */
  public static final String EFS_MOUNT_TARGET_B = "fsmt-0a1b2c3d4e5f60812";
  /** The EFS mount targets' security group. */
  public static final String EFS_GROUP = "sg-0a1b2c3d4e5f60404";
  /** The FSx for Lustre file system of {@link #fsxLustre()} (PERSISTENT_2), its mount name, interface and group. */
  public static final String FSX_FILE_SYSTEM = "fs-0a1b2c3d4e5f60901";
  /** The FSx file system's mount name. */
  public static final String FSX_MOUNT_NAME = "k7yq2bmv";
  /** The FSx file system's network interface. */
  public static final String FSX_INTERFACE = "eni-0a1b2c3d4e5f60901";
  /** The FSx file system's security group. */
  public static final String FSX_GROUP = "sg-0a1b2c3d4e5f60405";
  /** The database of {@link #rdsDatabase()}: its subnet, network interface, address and group. */
  public static final String DATABASE_SUBNET = "subnet-0a1b2c3d4e5f60103";
  /** The database's network interface. */
  public static final String DATABASE_INTERFACE = "eni-0a1b2c3d4e5f60a01";
  /** The database's private IP address. */
  public static final String DATABASE_ADDRESS = "10.20.3.15";
  /** The database's security group. */
  public static final String DATABASE_GROUP = "sg-0a1b2c3d4e5f60406";

  private static final String ACCOUNT = "123456789012";
  private static final String S3_PREFIX_LIST = "pl-63a5400a";
  private static final String ENDPOINT_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": \"TrainingBuckets\", "
      + "\"Effect\": \"Allow\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\", \"s3:ListBucket\", \"s3:PutObject\", "
      + "\"s3:GetBucketLocation\"], \"Resource\": [\"arn:aws:s3:::acme-ml-data\", \"arn:aws:s3:::acme-ml-data/*\", "
      + "\"arn:aws:s3:::acme-ml-artifacts\", \"arn:aws:s3:::acme-ml-artifacts/*\"]}, {\"Sid\": \"AmazonLinuxAMIRepositoryAccess\", "
      + "\"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\"], \"Resource\": "
      + "[\"arn:aws:s3:::packages.*.amazonaws.com/*\", \"arn:aws:s3:::repo.*.amazonaws.com/*\"]}, {\"Sid\": "
      + "\"AmazonLinux2AMIRepositoryAccess\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": [\"s3:GetObject\"], "
      + "\"Resource\": [\"arn:aws:s3:::amazonlinux.*.amazonaws.com/*\"]}]}";
  private static final String DATA_BUCKET_POLICY = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Sid\": "
      + "\"Access-to-specific-VPCE-only\", \"Effect\": \"Deny\", \"Principal\": \"*\", \"Action\": \"s3:*\", \"Resource\": "
      + "[\"arn:aws:s3:::acme-ml-data\", \"arn:aws:s3:::acme-ml-data/*\"], \"Condition\": {\"StringNotEquals\": "
      + "{\"aws:SourceVpce\": \"vpce-0a1b2c3d4e5f60301\"}}}]}";

  private Scenarios() {}

  /** {@return everything in place: the job's private subnets route S3 through a gateway endpoint; READY} */
  public static Scenario readyPrivateEndpoints() {
    return Built.readyPrivateEndpoints;
  }

  private static Scenario buildReadyPrivateEndpoints() {
    return scenario("ready-private-endpoints",
        "Private subnets with an S3 gateway endpoint and a self-referencing security group: the job can run.",
        n -> { }, job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), Verdict.READY, List.of());
  }

  /** {@return the private subnets have no route to S3 (no endpoint, no NAT): the job fails downloading its data} */
  public static Scenario privateVpcWithoutS3Endpoint() {
    return Built.privateVpcWithoutS3Endpoint;
  }

  private static Scenario buildPrivateVpcWithoutS3Endpoint() {
    return scenario("no-s3-endpoint",
        "Private subnets without an S3 gateway endpoint or NAT gateway: SageMaker cannot download the input data.",
        n -> n.remove(S3_ENDPOINT).bucket(DATA_BUCKET, b -> b.noPolicy()),
        job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), Verdict.NOT_READY, List.of("s3.route.missing"));
  }

  /** {@return the job runs in a public subnet whose only way out is an internet gateway, useless without public IPs} */
  public static Scenario publicSubnetWithInternetGateway() {
    return Built.publicSubnetWithInternetGateway;
  }

  private static Scenario buildPublicSubnetWithInternetGateway() {
    return scenario("public-subnet-igw",
        "The job's subnet routes 0.0.0.0/0 to an internet gateway only; training instances get no public IP.",
        n -> { }, job(PUBLIC_SUBNET), Verdict.NOT_READY, List.of("s3.route.igw-only"));
  }

  /** {@return the VPC has dedicated instance tenancy, which training jobs do not support} */
  public static Scenario dedicatedTenancy() {
    return Built.dedicatedTenancy;
  }

  private static Scenario buildDedicatedTenancy() {
    return scenario("dedicated-tenancy", "The VPC has dedicated instance tenancy; training jobs need default tenancy.",
        n -> n.vpc(VPC, v -> v.tenancy("dedicated")),
        job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), Verdict.NOT_READY, List.of("vpc.tenancy.dedicated"));
  }

  /** {@return the training group does not admit itself: a two-node job hangs ("Cannot connect to host algo-2")} */
  public static Scenario securityGroupWithoutSelfIngress() {
    return Built.securityGroupWithoutSelfIngress;
  }

  private static Scenario buildSecurityGroupWithoutSelfIngress() {
    return scenario("sg-no-self-ingress",
        "The job's security group has no inbound rule from itself; the instances of a distributed job cannot talk.",
        n -> n.securityGroup(TRAINING_GROUP, g -> g.clearIngress()),
        job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), Verdict.NOT_READY, List.of("sg.self-ingress.missing", "sg.efa.self-traffic"));
  }

  /** {@return every subnet has 7 free addresses; two EFA instances need 10 in one subnet} */
  public static Scenario subnetOutOfIps() {
    return Built.subnetOutOfIps;
  }

  private static Scenario buildSubnetOutOfIps() {
    return scenario("subnet-out-of-ips",
        "Every subnet has 7 free IP addresses; two EFA instances need 5 each in one subnet.",
        n -> n.subnet(PRIVATE_SUBNET_A, s -> s.availableIps(7))
            .subnet(PRIVATE_SUBNET_B, s -> s.availableIps(7))
            .subnet(PUBLIC_SUBNET, s -> s.availableIps(7)),
        job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), Verdict.NOT_READY, List.of("subnet.ip-capacity"));
  }

  // ------------------------------------------------------------------ resources inside the VPC

  /**
   * {@return an EFS file system with a mount target in each private subnet; its group admits NFS (TCP 2049)
   * from the training group, which may send it; no file-system policy} The job reads
   * {@code /datasets/imagenet} from it. READY.
   */
  public static Scenario efsFileSystem() {
    return Built.efsFileSystem;
  }

  /** {@return the mount targets' group admits NFS from the endpoints' group, not the job's: the mount times out} */
  public static Scenario efsMountTargetGroupAdmitsAnotherGroup() {
    return Built.efsWrongGroup;
  }

  /** {@return the file system has no mount target in the VPC (both deleted): SageMaker cannot mount it} */
  public static Scenario efsWithoutMountTarget() {
    return Built.efsNoMountTarget;
  }

  /**
   * {@return an FSx for Lustre file system ({@code PERSISTENT_2}, mount name {@value #FSX_MOUNT_NAME}) in private
   * subnet A; its group and the training group admit Lustre (TCP 988, 1018–1023) from each other} The job
   * runs in subnet A and reads {@code /k7yq2bmv/imagenet}. READY.
   */
  public static Scenario fsxLustre() {
    return Built.fsxLustre;
  }

  /** {@return the FSx group does not admit TCP 988 (only 1018–1023): the Lustre mount times out} */
  public static Scenario fsxPort988Closed() {
    return Built.fsxPort988Closed;
  }

  /** {@return the job's {@code DirectoryPath} starts with {@code /fsx} on a PERSISTENT_2 file system: "No such file or directory"} */
  public static Scenario fsxDirectoryPathWithoutMountName() {
    return Built.fsxDirectoryPath;
  }

  /**
   * {@return a PostgreSQL database (an RDS-style network interface, {@value #DATABASE_ADDRESS}, with its group) in a
   * private subnet; its group admits TCP 5432 from the training group, which may send it} The job
   * declares it: {@code requiresInVpc(VpcTarget.sg(DATABASE_GROUP, 5432).withLabel("features"))}. READY.
   */
  public static Scenario rdsDatabase() {
    return Built.rdsDatabase;
  }

  /** {@return the database's group admits nothing: the training code's connection times out} */
  public static Scenario rdsDatabaseGroupClosed() {
    return Built.rdsClosed;
  }

  private static NetworkBuilder efsNetwork() {
    return base()
        .securityGroup(TRAINING_GROUP, g -> g.egressTcp(2049, EFS_GROUP))
        .securityGroup(EFS_GROUP, g -> g.name("efs-mount-targets").description("EFS mount targets")
            .ingressTcp(2049, TRAINING_GROUP))
        .efsFileSystem(EFS_FILE_SYSTEM, f -> f.name("training-data").noPolicy()
            .mountTarget(EFS_MOUNT_TARGET_A, m -> m.subnet(PRIVATE_SUBNET_A).ipAddress("10.20.1.50")
                .networkInterface("eni-0a1b2c3d4e5f60811").securityGroups(EFS_GROUP))
            .mountTarget(EFS_MOUNT_TARGET_B, m -> m.subnet(PRIVATE_SUBNET_B).ipAddress("10.20.2.50")
                .networkInterface("eni-0a1b2c3d4e5f60812").securityGroups(EFS_GROUP)));
  }

  /**
   * {@return the job of the EFS scenarios: {@code /datasets/imagenet} of the EFS file system, read-only}
   *
   * @param subnets the subnets
   */
  public static TrainingJobSpec efsJob(String... subnets) {
    return withChannel(job(subnets), InputChannel.builder().name("train").fileSystemId(EFS_FILE_SYSTEM)
        .fileSystemType("EFS").directoryPath("/datasets/imagenet").fileSystemAccessMode("ro").build());
  }

  private static NetworkBuilder fsxNetwork() {
    return base()
        .securityGroup(TRAINING_GROUP, g -> g.ingressTcp(988, FSX_GROUP).ingressTcp(1018, 1023, FSX_GROUP)
            .egressTcp(988, FSX_GROUP).egressTcp(1018, 1023, FSX_GROUP))
        .securityGroup(FSX_GROUP, g -> g.name("fsx-lustre").description("FSx for Lustre")
            .ingressTcp(988, FSX_GROUP).ingressTcp(1018, 1023, FSX_GROUP)
            .ingressTcp(988, TRAINING_GROUP).ingressTcp(1018, 1023, TRAINING_GROUP))
        .networkInterface(FSX_INTERFACE, n -> n.subnet(PRIVATE_SUBNET_A).address("10.20.1.60").securityGroups(FSX_GROUP)
            .requesterManaged(true).description("Lustre network interface of " + FSX_FILE_SYSTEM))
        .fsxLustre(FSX_FILE_SYSTEM, f -> f.subnet(PRIVATE_SUBNET_A).deploymentType("PERSISTENT_2")
            .mountName(FSX_MOUNT_NAME).networkInterface(FSX_INTERFACE));
  }

  /**
   * {@return the job of the FSx scenarios, in private subnet A (the file system's zone): {@code directoryPath} of it, read-only}
   *
   * @param directoryPath the directory path
   */
  public static TrainingJobSpec fsxJob(String directoryPath) {
    return withChannel(job(PRIVATE_SUBNET_A), InputChannel.builder().name("train").fileSystemId(FSX_FILE_SYSTEM)
        .fileSystemType("FSxLustre").directoryPath(directoryPath).fileSystemAccessMode("ro").build());
  }

  private static NetworkBuilder rdsNetwork() {
    return base()
        .subnet(DATABASE_SUBNET, s -> s.cidr("10.20.3.0/24").az("us-east-1a").azId("use1-az1").availableIps(248)
            .tag("Name", "private-db-a"))
        .routeTable(PRIVATE_ROUTE_TABLE, r -> r.associate(DATABASE_SUBNET, "rtbassoc-0a1b2c3d4e5f600112"))
        .networkAcl("acl-0a1b2c3d4e5f60001", a -> a.associate(DATABASE_SUBNET))
        .securityGroup(TRAINING_GROUP, g -> g.egressTcp(5432, DATABASE_GROUP))
        .securityGroup(DATABASE_GROUP, g -> g.name("feature-store-db").description("Feature store (PostgreSQL)")
            .ingressTcp(5432, TRAINING_GROUP))
        .networkInterface(DATABASE_INTERFACE, n -> n.subnet(DATABASE_SUBNET).address(DATABASE_ADDRESS)
            .securityGroups(DATABASE_GROUP).requesterManaged(true).description("RDSNetworkInterface"));
  }

  /** {@return the job of the RDS scenarios: the examples' job, declaring the database (by its group, port 5432, label {@code features})} */
  public static TrainingJobSpec rdsJob() {
    return job(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B).toBuilder()
        .requiresInVpc(VpcTarget.sg(DATABASE_GROUP, 5432).withLabel("features")).build();
  }

  private static TrainingJobSpec withChannel(TrainingJobSpec job, InputChannel channel) {
    List<InputChannel> channels = new ArrayList<>();
    channels.add(channel);
    return job.toBuilder().inputChannels(channels).build();
  }

  private static Scenario inVpcScenario(String name, String description, NetworkBuilder network, TrainingJobSpec job,
      List<String> errors) {
    return new Scenario(name, description, network.build(), job, errors.isEmpty() ? Verdict.READY : Verdict.NOT_READY,
        errors);
  }

  /** {@return the worlds with resources inside the VPC: EFS, FSx for Lustre and a database, each ready one first} */
  public static List<Scenario> inVpc() {
    return Built.IN_VPC;
  }

  /** {@return all six, ready one first} */
  public static List<Scenario> all() {
    return Built.ALL;
  }

  /**
   * {@return the scenario of that name ({@code no-s3-endpoint}, {@code efs-file-system}…); an error listing the names otherwise}
   *
   * @param name the name
   */
  public static Scenario named(String name) {
    List<Scenario> known = new ArrayList<>(all());
    known.addAll(inVpc());
    return known.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
        "no scenario named '" + name + "'; known: " + known.stream().map(Scenario::name).toList()));
  }

  /**
   * {@return the training job of the examples, in {@code subnets}}
   *
   * @param subnets the subnets
   */
  public static TrainingJobSpec job(String... subnets) {
    return TrainingJobSpec.builder()
        .name("resnet50-nightly")
        .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
        .trainingImage("763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-training:2.5.1-gpu-py311-cu124-ubuntu22.04-sagemaker")
        .trainingInputMode("File")
        .addInputChannel(dev.vpctrain.core.job.InputChannel.builder().name("train")
            .s3Uri("s3://acme-ml-data/imagenet/train/").s3DataType("S3Prefix").s3DataDistributionType("FullyReplicated").build())
        .outputPath("s3://acme-ml-artifacts/resnet50/")
        .instanceType("ml.p4d.24xlarge")
        .instanceCount(2)
        .volumeSizeInGb(100)
        .vpc(v -> v.subnets(subnets).securityGroups(TRAINING_GROUP))
        .maxRuntimeInSeconds(86400)
        .enableNetworkIsolation(false)
        .enableInterContainerTrafficEncryption(true)
        .checkpointUri("s3://acme-ml-artifacts/resnet50/checkpoints/")
        .build();
  }

  /** The scenarios, built once (they are immutable). */
  private static final class Built {
    static final Scenario readyPrivateEndpoints = buildReadyPrivateEndpoints();
    static final Scenario privateVpcWithoutS3Endpoint = buildPrivateVpcWithoutS3Endpoint();
    static final Scenario publicSubnetWithInternetGateway = buildPublicSubnetWithInternetGateway();
    static final Scenario dedicatedTenancy = buildDedicatedTenancy();
    static final Scenario securityGroupWithoutSelfIngress = buildSecurityGroupWithoutSelfIngress();
    static final Scenario subnetOutOfIps = buildSubnetOutOfIps();
    static final List<Scenario> ALL = List.of(readyPrivateEndpoints, privateVpcWithoutS3Endpoint,
        publicSubnetWithInternetGateway, dedicatedTenancy, securityGroupWithoutSelfIngress, subnetOutOfIps);
    static final Scenario efsFileSystem = inVpcScenario("efs-file-system",
        "An EFS file system with a mount target in each private subnet, reachable on NFS from the job's group.",
        efsNetwork(), efsJob(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), List.of());
    static final Scenario efsWrongGroup = inVpcScenario("efs-mount-target-sg-wrong-group",
        "The EFS mount targets' group admits NFS from the endpoints' group, not from the job's: the mount times out.",
        efsNetwork().securityGroup(EFS_GROUP, g -> g.clearIngress().ingressTcp(2049, ENDPOINT_GROUP)),
        efsJob(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), List.of("fs.efs.security-group"));
    static final Scenario efsNoMountTarget = inVpcScenario("efs-no-mount-target",
        "The EFS file system has no mount target in the job's VPC: SageMaker cannot mount it.",
        efsNetwork().remove(EFS_MOUNT_TARGET_A, EFS_MOUNT_TARGET_B),
        efsJob(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B), List.of("fs.efs.mount-target.missing"));
    static final Scenario fsxLustre = inVpcScenario("fsx-lustre",
        "An FSx for Lustre file system (PERSISTENT_2) whose group and the job's admit Lustre traffic from each other.",
        fsxNetwork(), fsxJob("/" + FSX_MOUNT_NAME + "/imagenet"), List.of());
    static final Scenario fsxPort988Closed = inVpcScenario("fsx-port-988-closed",
        "The FSx group admits TCP 1018-1023 but not 988 from the job: the Lustre mount times out.",
        fsxNetwork().securityGroup(FSX_GROUP, g -> g.clearIngress().ingressTcp(1018, 1023, FSX_GROUP)
            .ingressTcp(1018, 1023, TRAINING_GROUP)),
        fsxJob("/" + FSX_MOUNT_NAME + "/imagenet"), List.of("fs.fsx.security-group"));
    static final Scenario fsxDirectoryPath = inVpcScenario("fsx-directory-path-without-mount-name",
        "DirectoryPath /fsx/imagenet on a PERSISTENT_2 file system, whose mount name is not fsx: no such directory.",
        fsxNetwork(), fsxJob("/fsx/imagenet"), List.of("fs.directory-path"));
    static final Scenario rdsDatabase = inVpcScenario("rds-database",
        "A PostgreSQL database in a private subnet whose group admits TCP 5432 from the job's group.",
        rdsNetwork(), rdsJob(), List.of());
    static final Scenario rdsClosed = inVpcScenario("rds-database-sg-closed",
        "The database's group admits nothing: the training code cannot connect to it.",
        rdsNetwork().securityGroup(DATABASE_GROUP, g -> g.clearIngress()), rdsJob(),
        List.of("target.security-group.ingress"));
    static final List<Scenario> IN_VPC = List.of(efsFileSystem, efsWrongGroup, efsNoMountTarget, fsxLustre,
        fsxPort988Closed, fsxDirectoryPath, rdsDatabase, rdsClosed);
  }

  private static Scenario scenario(String name, String description, Consumer<NetworkBuilder> breakIt, TrainingJobSpec job,
      Verdict verdict, List<String> errors) {
    NetworkBuilder n = base();
    breakIt.accept(n);
    return new Scenario(name, description, n.build(), job, verdict, errors);
  }

  private static Map<String, List<String>> dhcp() {
    Map<String, List<String>> config = new LinkedHashMap<>();
    config.put("domain-name", List.of("ec2.internal"));
    config.put("domain-name-servers", List.of("AmazonProvidedDNS"));
    return config;
  }

  /** The ready network, as {@code examples/ready-private-endpoints/network.json} has it. */
  static NetworkBuilder base() {
    NetworkBuilder n = NetworkBuilder.create()
        .region("us-east-1")
        .account(ACCOUNT)
        .capturedAt(Instant.parse("2026-11-29T08:00:00Z"))
        .prefixList(S3_PREFIX_LIST, "com.amazonaws.us-east-1.s3",
            "3.5.0.0/19", "16.15.176.0/20", "16.182.0.0/16", "18.34.0.0/19", "52.216.0.0/15", "54.231.0.0/16")
        .prefixList("pl-02cd2c6b", "com.amazonaws.us-east-1.dynamodb", "3.218.180.0/22", "52.94.0.0/22")
        .dhcpOptions("dopt-0a1b2c3d4e5f60001", dhcp())
        .vpc(VPC, v -> v.cidr("10.20.0.0/16").dhcpOptions("dopt-0a1b2c3d4e5f60001").tag("Name", "ml-training"))
        .subnet(PRIVATE_SUBNET_A, s -> s.cidr("10.20.1.0/24").az("us-east-1a").azId("use1-az1").availableIps(240)
            .tag("Name", "private-a"))
        .subnet(PRIVATE_SUBNET_B, s -> s.cidr("10.20.2.0/24").az("us-east-1b").azId("use1-az2").availableIps(233)
            .tag("Name", "private-b"))
        .subnet(PUBLIC_SUBNET, s -> s.cidr("10.20.101.0/24").az("us-east-1a").azId("use1-az1").availableIps(250)
            .tag("Name", "public-a"))
        .securityGroup(TRAINING_GROUP, g -> g.name("sagemaker-training").description("SageMaker training")
            .selfIngress()
            .clearEgress().selfEgress().egressTcp(443, S3_PREFIX_LIST).egressTcp(443, "10.20.0.0/16"))
        .securityGroup(ENDPOINT_GROUP, g -> g.name("vpc-endpoints").description("Interface endpoints")
            .ingress(Permissions.tcp(443, TRAINING_GROUP)))
        .routeTable(MAIN_ROUTE_TABLE, r -> r.main("rtbassoc-0a1b2c3d4e5f60001m"))
        .routeTable(PRIVATE_ROUTE_TABLE, r -> r.associate(PRIVATE_SUBNET_A, "rtbassoc-0a1b2c3d4e5f600110")
            .associate(PRIVATE_SUBNET_B, "rtbassoc-0a1b2c3d4e5f600111"))
        .routeTable(PUBLIC_ROUTE_TABLE, r -> r.associate(PUBLIC_SUBNET, "rtbassoc-0a1b2c3d4e5f600210")
            .route("0.0.0.0/0", INTERNET_GATEWAY))
        .s3GatewayEndpoint(S3_ENDPOINT, e -> e.routeTables(PRIVATE_ROUTE_TABLE).policy(ENDPOINT_POLICY))
        .internetGateway(INTERNET_GATEWAY)
        .networkAcl("acl-0a1b2c3d4e5f60001", a -> a.asDefault().allowAll()
            .associate(PRIVATE_SUBNET_A, PRIVATE_SUBNET_B, PUBLIC_SUBNET))
        .bucket(DATA_BUCKET, b -> b.region("us-east-1").policy(DATA_BUCKET_POLICY))
        .bucket(ARTIFACT_BUCKET, b -> b.region("us-east-1").noPolicy());
    return n;
  }
}
