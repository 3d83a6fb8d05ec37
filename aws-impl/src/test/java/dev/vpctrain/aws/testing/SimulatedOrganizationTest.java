package dev.vpctrain.aws.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vpctrain.aws.testing.SimulatedOrganization.Fault;
import dev.vpctrain.aws.testing.SimulatedOrganization.JobFacts;
import dev.vpctrain.aws.testing.SimulatedOrganization.JobKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeHyperParameterTuningJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeProcessingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterTuningJobSummary;
import software.amazon.awssdk.services.sagemaker.model.ProcessingJobSummary;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobSummary;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

/** The simulated organisation through plain SDK clients over the wire. */
class SimulatedOrganizationTest {
  static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");
  static final AwsCredentials MANAGEMENT = AwsBasicCredentials.create("AKIDMANAGEMENT", "management-secret");
  static final String DENIED = SimulatedOrganization.accountId(3);
  static final String DISABLED = SimulatedOrganization.accountId(4);
  static final String DELETED = SimulatedOrganization.accountId(5);

  static SimulatedOrganization org;

  @BeforeAll
  static void start() {
    org = SimulatedOrganization.builder()
        .accounts(45)
        .now(NOW)
        .pageSize(7)
        .denyAssumeRole(DENIED)
        .disabledRegion(DISABLED, "eu-west-1")
        .deletedVpc(DELETED, "us-east-1")
        .start();
  }

  @AfterAll
  static void stop() {
    org.close();
  }

  // ---- clients ----

  static <B extends AwsSyncClientBuilder<B, C> & AwsClientBuilder<B, C>, C> C client(B builder, URI endpoint,
      AwsCredentials credentials, String region, ClientOverrideConfiguration config) {
    return builder.endpointOverride(endpoint)
        .region(Region.of(region))
        .credentialsProvider(StaticCredentialsProvider.create(credentials))
        .httpClient(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(10)).build())
        .overrideConfiguration(config)
        .build();
  }

  static ClientOverrideConfiguration noRetries() {
    return AwsTestClients.fast(Duration.ofSeconds(5), 1);
  }

  static StsClient sts(SimulatedOrganization o, AwsCredentials credentials) {
    return client(StsClient.builder(), o.endpoint(), credentials, "us-east-1", AwsTestClients.fast());
  }

  static SageMakerClient sageMaker(SimulatedOrganization o, AwsCredentials c, String region,
      ClientOverrideConfiguration config) {
    return client(SageMakerClient.builder(), o.endpoint(), c, region, config);
  }

  static Ec2Client ec2(SimulatedOrganization o, AwsCredentials c, String region) {
    return client(Ec2Client.builder(), o.endpoint(), c, region, AwsTestClients.fast());
  }

  static S3Client s3(SimulatedOrganization o, AwsCredentials c, String region) {
    return client(S3Client.builder().forcePathStyle(true)
        .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
        .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), o.endpoint(), c, region,
        AwsTestClients.fast());
  }

  static AwsCredentials assume(SimulatedOrganization o, String account) {
    try (StsClient sts = sts(o, MANAGEMENT)) {
      Credentials c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + account + ":role/" + o.roleName())
          .roleSessionName("vpctrain-audit")).credentials();
      return AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken());
    }
  }

  static String errorCode(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  // ---- STS, Organizations ----

  @Test
  void assumeRoleGivesCredentialsOfTheAccountAndDeniesAsConfigured() {
    String account = SimulatedOrganization.accountId(7);
    try (StsClient sts = sts(org, MANAGEMENT)) {
      AssumeRoleResponse r = sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/VpcTrainAudit")
          .roleSessionName("audit"));
      assertThat(r.credentials().accessKeyId()).isEqualTo("ASIA111100000007SIMU");
      assertThat(r.credentials().expiration()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));
      assertThat(r.assumedRoleUser().arn()).isEqualTo("arn:aws:sts::" + account + ":assumed-role/VpcTrainAudit/audit");

      assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + DENIED + ":role/VpcTrainAudit")
          .roleSessionName("audit")))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"))
          .hasMessageContaining("User: arn:aws:iam::111100000000:user/auditor is not authorized to perform: "
              + "sts:AssumeRole on resource: arn:aws:iam::" + DENIED + ":role/VpcTrainAudit");
      assertThatThrownBy(() -> sts.assumeRole(b -> b.roleArn("arn:aws:iam::" + account + ":role/OtherRole")
          .roleSessionName("audit")))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDenied"));
    }
    try (StsClient assumed = sts(org, assume(org, account))) {
      assertThat(assumed.getCallerIdentity().account()).isEqualTo(account);
    }
    assertThat(org.calls()).containsKey("AssumeRole");
  }

  @Test
  void listAccountsPagesCoverEveryAccountOnce() {
    List<String> seen = new ArrayList<>();
    int pages = 0;
    try (OrganizationsClient orgs = client(OrganizationsClient.builder(), org.endpoint(), MANAGEMENT, "us-east-1",
        AwsTestClients.fast())) {
      for (ListAccountsResponse page : orgs.listAccountsPaginator(r -> r.maxResults(20))) {
        assertThat(page.accounts()).hasSizeLessThanOrEqualTo(7);
        page.accounts().forEach(a -> {
          seen.add(a.id());
          assertThat(a.statusAsString()).isEqualTo("ACTIVE");
          assertThat(a.joinedTimestamp()).isNotNull();
        });
        pages++;
      }
    }
    assertThat(seen).containsExactlyElementsOf(org.accountIds()).hasSize(45);
    assertThat(pages).isEqualTo(7);

    try (OrganizationsClient member = client(OrganizationsClient.builder(), org.endpoint(),
        assume(org, SimulatedOrganization.accountId(1)), "us-east-1", noRetries())) {
      assertThatThrownBy(() -> member.listAccounts(r -> { }))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("AccessDeniedException"));
    }
  }

  // ---- SageMaker ----

  @Test
  void paginatorsReturnEachKindsJobsAfterTheGivenTime() {
    String account = SimulatedOrganization.accountId(11);
    Instant since = NOW.minus(Duration.ofDays(30));
    int kept = 0;
    int all = 0;
    try (SageMakerClient sm = sageMaker(org, assume(org, account), "eu-west-1", AwsTestClients.fast())) {
      List<String> training = new ArrayList<>();
      for (TrainingJobSummary s : sm.listTrainingJobsPaginator(r -> r.creationTimeAfter(since).maxResults(100))
          .trainingJobSummaries()) {
        training.add(s.trainingJobName());
        assertThat(s.trainingJobArn()).isEqualTo("arn:aws:sagemaker:eu-west-1:" + account + ":training-job/"
            + s.trainingJobName());
        assertThat(s.creationTime()).isAfter(since);
      }
      List<String> processing = new ArrayList<>();
      sm.listProcessingJobsPaginator(r -> r.creationTimeAfter(since)).processingJobSummaries()
          .forEach((ProcessingJobSummary s) -> processing.add(s.processingJobName()));
      List<String> tuning = new ArrayList<>();
      sm.listHyperParameterTuningJobsPaginator(r -> r.creationTimeAfter(since)).hyperParameterTuningJobSummaries()
          .forEach((HyperParameterTuningJobSummary s) -> tuning.add(s.hyperParameterTuningJobName()));

      assertThat(training).containsExactlyElementsOf(expected(account, "eu-west-1", JobKind.TRAINING, since));
      assertThat(processing).containsExactlyElementsOf(expected(account, "eu-west-1", JobKind.PROCESSING, since));
      assertThat(tuning).containsExactlyElementsOf(expected(account, "eu-west-1", JobKind.TUNING, since));
      kept = training.size() + processing.size() + tuning.size();
      all = org.jobsIn(account, "eu-west-1");

      List<String> failed = new ArrayList<>();
      sm.listTrainingJobsPaginator(r -> r.statusEquals("Failed")).trainingJobSummaries()
          .forEach(s -> failed.add(s.trainingJobName()));
      assertThat(failed).containsExactlyElementsOf(org.jobs(account, "eu-west-1", JobKind.TRAINING).stream()
          .filter(j -> j.status().equals("Failed")).map(JobFacts::name).toList());
    }
    assertThat(all).isEqualTo(50);
    assertThat(kept).isBetween(12, 38);
    // pages of at most 7: at least 50 jobs' worth of list calls over the pages
    assertThat(org.calls().get("ListTrainingJobs")).isGreaterThanOrEqualTo(3);
  }

  static List<String> expected(String account, String region, JobKind kind, Instant since) {
    return org.jobs(account, region, kind).stream().filter(j -> j.creationTime().isAfter(since))
        .map(JobFacts::name).toList();
  }

  @Test
  void theJobsMixKindsAndStatuses() {
    int training = 0;
    int processing = 0;
    int tuning = 0;
    int failed = 0;
    int total = 0;
    for (String account : org.accountIds().subList(0, 20)) {
      for (JobFacts j : org.jobs(account, "us-east-1")) {
        total++;
        switch (j.kind()) {
          case TRAINING -> training++;
          case PROCESSING -> processing++;
          case TUNING -> tuning++;
          default -> { }
        }
        if (j.status().equals("Failed")) {
          failed++;
          assertThat(j.failureReason()).isNotBlank();
        }
        assertThat(j.creationTime()).isBetween(NOW.minus(Duration.ofDays(60)), NOW);
      }
    }
    assertThat(total).isEqualTo(1000);
    assertThat(training).isBetween(720, 880);
    assertThat(processing).isBetween(70, 170);
    assertThat(tuning).isBetween(40, 120);
    assertThat(failed).isBetween(100, 200);
    assertThat(org.jobs(org.accountIds().get(0), "us-east-1"))
        .isEqualTo(org.jobs(org.accountIds().get(0), "us-east-1"));
  }

  @Test
  void describeAnswersParseWithTheirVpcConfig() {
    String account = SimulatedOrganization.accountId(2);
    List<JobFacts> jobs = org.jobs(account, "us-east-1");
    JobFacts training = jobs.stream().filter(j -> j.kind() == JobKind.TRAINING && j.status().equals("Failed"))
        .findFirst().orElseThrow();
    JobFacts processing = jobs.stream().filter(j -> j.kind() == JobKind.PROCESSING).findFirst().orElseThrow();
    JobFacts tuning = org.accountIds().stream().flatMap(a -> org.jobs(a, "us-east-1", JobKind.TUNING).stream())
        .findFirst().orElseThrow();
    try (SageMakerClient sm = sageMaker(org, assume(org, account), "us-east-1", noRetries())) {
      DescribeTrainingJobResponse t = sm.describeTrainingJob(r -> r.trainingJobName(training.name()));
      assertThat(t.trainingJobStatusAsString()).isEqualTo("Failed");
      assertThat(t.failureReason()).isEqualTo(training.failureReason());
      assertThat(t.vpcConfig().subnets()).isEqualTo(training.subnetIds());
      assertThat(t.vpcConfig().securityGroupIds()).isEqualTo(training.securityGroupIds());
      assertThat(t.creationTime()).isEqualTo(training.creationTime());
      assertThat(t.algorithmSpecification().trainingInputModeAsString()).isEqualTo("File");
      assertThat(t.inputDataConfig().get(0).dataSource().s3DataSource().s3Uri())
          .isEqualTo("s3://acme-" + account + "-data/data/");
      assertThat(t.resourceConfig().instanceCount()).isPositive();
      assertThat(t.roleArn()).startsWith("arn:aws:iam::" + account + ":role/");

      DescribeProcessingJobResponse p = sm.describeProcessingJob(r -> r.processingJobName(processing.name()));
      assertThat(p.networkConfig().vpcConfig().subnets()).isEqualTo(processing.subnetIds());
      assertThat(p.processingInputs().get(0).s3Input().s3Uri()).isEqualTo("s3://acme-" + account + "-data/data/");
      assertThat(p.processingResources().clusterConfig().instanceTypeAsString()).isEqualTo("ml.m5.xlarge");
      assertThat(p.processingJobStatusAsString()).isEqualTo(processing.status());

      assertThatThrownBy(() -> sm.describeTrainingJob(r -> r.trainingJobName("no-such-job")))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
          .hasMessageContaining("Requested resource not found.");
      assertThatThrownBy(() -> sm.listModels(r -> { }))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnknownOperationException"));
    }
    String tuningAccount = org.accountIds().stream()
        .filter(a -> org.jobs(a, "us-east-1", JobKind.TUNING).contains(tuning)).findFirst().orElseThrow();
    try (SageMakerClient sm = sageMaker(org, assume(org, tuningAccount), "us-east-1", noRetries())) {
      DescribeHyperParameterTuningJobResponse h = sm.describeHyperParameterTuningJob(
          r -> r.hyperParameterTuningJobName(tuning.name()));
      assertThat(h.trainingJobDefinition().vpcConfig().subnets()).isEqualTo(tuning.subnetIds());
      assertThat(h.hyperParameterTuningJobConfig().strategyAsString()).isEqualTo("Bayesian");
      assertThat(h.hyperParameterTuningJobConfig().resourceLimits().maxParallelTrainingJobs()).isEqualTo(2);
      assertThat(h.hyperParameterTuningJobStatusAsString()).isEqualTo(tuning.status());
    }
  }

  // ---- EC2, S3 ----

  @Test
  void ec2ServesTheAccountRegionsNetworkAndForgetsADeletedVpc() {
    String account = SimulatedOrganization.accountId(6); // index % 5 == 1: VPC 2 has no S3 route
    assertThat(org.fault(account)).contains(Fault.NO_S3_ROUTE);
    JobFacts job = org.jobs(account, "us-east-1").stream().filter(j -> j.vpcIndex() == 2).findFirst().orElseThrow();
    String vpcId = org.network(account, "us-east-1").subnets().orElseThrow().stream()
        .filter(s -> s.subnetId().equals(job.subnetIds().get(0))).findFirst().orElseThrow().vpcId();
    try (Ec2Client ec2 = ec2(org, assume(org, account), "us-east-1")) {
      List<Subnet> subnets = ec2.describeSubnets(r -> r.filters(Filter.builder().name("vpc-id").values(vpcId).build()))
          .subnets();
      assertThat(subnets).extracting(Subnet::subnetId).containsExactlyElementsOf(job.subnetIds());
      assertThat(subnets).allSatisfy(s -> assertThat(s.availableIpAddressCount()).isPositive());
      List<RouteTable> tables = ec2.describeRouteTables(r -> r.filters(Filter.builder().name("vpc-id")
          .values(vpcId).build())).routeTables();
      assertThat(tables).hasSize(1);
      assertThat(tables.get(0).routes()).noneMatch(route -> route.destinationPrefixListId() != null);
      List<SecurityGroup> groups = ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-id")
          .values(job.securityGroupIds()).build())).securityGroups();
      assertThat(groups).hasSize(1);
      assertThat(groups.get(0).ipPermissions().get(0).userIdGroupPairs().get(0).groupId())
          .isEqualTo(job.securityGroupIds().get(0));
    }

    JobFacts gone = org.jobs(DELETED, "us-east-1").stream().filter(j -> j.vpcIndex() == 1).findFirst().orElseThrow();
    try (Ec2Client ec2 = ec2(org, assume(org, DELETED), "us-east-1")) {
      assertThat(ec2.describeSubnets(r -> r.filters(Filter.builder().name("subnet-id").values(gone.subnetIds())
          .build())).subnets()).isEmpty();
      assertThat(ec2.describeSecurityGroups(r -> r.filters(Filter.builder().name("group-id")
          .values(gone.securityGroupIds()).build())).securityGroups()).isEmpty();
      assertThat(ec2.describeVpcs().vpcs()).hasSize(2);
    }
    try (Ec2Client ec2 = ec2(org, assume(org, DELETED), "eu-west-1")) {
      assertThat(ec2.describeVpcs().vpcs()).hasSize(3);
    }
  }

  @Test
  void s3ServesTheAccountsBuckets() {
    String account = SimulatedOrganization.accountId(10);
    try (S3Client s3 = s3(org, assume(org, account), "us-east-1")) {
      assertThat(s3.getBucketLocation(r -> r.bucket("acme-" + account + "-data")).locationConstraintAsString())
          .isEmpty();
      assertThat(s3.getBucketLocation(r -> r.bucket("acme-" + account + "-data-eu-west-1"))
          .locationConstraintAsString()).isEqualTo("eu-west-1");
      assertThatThrownBy(() -> s3.getBucketPolicy(r -> r.bucket("acme-" + account + "-data")))
          .isInstanceOf(S3Exception.class)
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("NoSuchBucketPolicy"));
    }
    String withPolicy = SimulatedOrganization.accountId(3 * 4);
    try (S3Client s3 = s3(org, assume(org, withPolicy), "us-east-1")) {
      assertThat(s3.getBucketPolicy(r -> r.bucket("acme-" + withPolicy + "-data")).policy())
          .contains("aws:SecureTransport");
    }
    assertThat(org.calls()).containsKeys("GetBucketLocation", "GetBucketPolicy");
  }

  @Test
  void aDisabledRegionRejectsTheCredentials() throws Exception {
    AwsCredentials credentials = assume(org, DISABLED);
    try (SageMakerClient sm = sageMaker(org, credentials, "eu-west-1", noRetries());
        Ec2Client ec2 = client(Ec2Client.builder(), org.endpoint(), credentials, "eu-west-1", noRetries())) {
      assertThatThrownBy(() -> sm.listTrainingJobs(r -> { }))
          .satisfies(e -> assertThat(errorCode(e)).isEqualTo("UnrecognizedClientException"));
      // The JDK's HttpURLConnection does not read the body of a 401 to a streamed POST, so the
      // URL-connection client sees the status without the error code (other HTTP clients parse AuthFailure).
      assertThatThrownBy(() -> ec2.describeVpcs())
          .isInstanceOf(Ec2Exception.class)
          .satisfies(e -> assertThat(((AwsServiceException) e).statusCode()).isEqualTo(401));
    }
    HttpResponse<String> raw = HttpClient.newHttpClient().send(HttpRequest.newBuilder(org.endpoint())
        .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + credentials.accessKeyId()
            + "/20261129/eu-west-1/ec2/aws4_request, SignedHeaders=host, Signature=00")
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString("Action=DescribeVpcs&Version=2016-11-15")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(raw.statusCode()).isEqualTo(401);
    assertThat(raw.body()).contains("<Code>AuthFailure</Code>",
        "AWS was not able to validate the provided access credentials");
    try (SageMakerClient sm = sageMaker(org, credentials, "us-east-1", noRetries())) {
      assertThat(sm.listTrainingJobs(r -> { }).trainingJobSummaries()).isNotEmpty();
    }
  }

  // ---- throttling, latency, scale ----

  @Test
  void beyondTheRateCallsAreThrottled() {
    try (SimulatedOrganization small = SimulatedOrganization.builder().accounts(2).now(NOW).throttle(2, 2).start();
        SageMakerClient sm = sageMaker(small, assume(small, SimulatedOrganization.accountId(1)), "us-east-1",
            noRetries());
        Ec2Client ec2 = client(Ec2Client.builder(), small.endpoint(), assume(small, SimulatedOrganization.accountId(1)),
            "us-east-1", noRetries())) {
      int throttled = 0;
      for (int i = 0; i < 6; i++) {
        try {
          sm.listTrainingJobs(r -> { });
        } catch (AwsServiceException e) {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
          assertThat(e.statusCode()).isEqualTo(400);
          throttled++;
        }
      }
      assertThat(throttled).isGreaterThanOrEqualTo(3);
      assertThat(small.throttled().get("ListTrainingJobs")).isEqualTo(throttled);
      assertThat(small.calls().get("ListTrainingJobs")).isEqualTo(6);

      Set<String> codes = new HashSet<>();
      for (int i = 0; i < 6; i++) {
        try {
          ec2.describeVpcs();
        } catch (AwsServiceException e) {
          codes.add(e.awsErrorDetails().errorCode());
        }
      }
      assertThat(codes).containsExactly("RequestLimitExceeded");
      small.resetCounters();
      assertThat(small.totalCalls()).isZero();
      assertThat(small.throttled()).isEmpty();
    }
  }

  @Test
  void latencyDelaysEveryAnswer() {
    try (SimulatedOrganization slow = SimulatedOrganization.builder().accounts(1).now(NOW)
        .latency(Duration.ofMillis(300)).start()) {
      AwsCredentials credentials = assume(slow, SimulatedOrganization.accountId(1));
      try (SageMakerClient sm = sageMaker(slow, credentials, "us-east-1", noRetries())) {
        long start = System.nanoTime();
        sm.listTrainingJobs(r -> { });
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
      }
      assertThat(slow.totalCalls()).isEqualTo(2);
    }
  }

  @Test
  void concurrentAuditsOfManyAccountsAreCountedExactly() throws Exception {
    try (SimulatedOrganization many = SimulatedOrganization.builder().accounts(40).now(NOW)
        .latency(Duration.ofMillis(20)).start()) {
      java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
      try {
        List<java.util.concurrent.Future<Integer>> futures = new ArrayList<>();
        for (String account : many.accountIds()) {
          futures.add(pool.submit(() -> {
            try (SageMakerClient sm = sageMaker(many, assume(many, account), "us-east-1", AwsTestClients.fast())) {
              return sm.listTrainingJobsPaginator(r -> { }).trainingJobSummaries().stream().toList().size();
            }
          }));
        }
        int listed = 0;
        for (int i = 0; i < futures.size(); i++) {
          int n = futures.get(i).get();
          assertThat(n).isEqualTo(many.jobs(many.accountIds().get(i), "us-east-1", JobKind.TRAINING).size());
          listed += n;
        }
        assertThat(listed).isPositive();
      } finally {
        pool.shutdown();
      }
      assertThat(many.calls()).containsEntry("AssumeRole", 40L).containsEntry("ListTrainingJobs", 40L);
      assertThat(many.totalCalls()).isEqualTo(80);
    }
  }

  @Test
  void aThousandAccountsAreGeneratedLazilyAndDeterministically() {
    try (SimulatedOrganization big = SimulatedOrganization.builder().accounts(1000).now(NOW).build()) {
      assertThat(big.accountIds()).hasSize(1000).doesNotHaveDuplicates();
      assertThat(big.accountIds().get(999)).isEqualTo("111100001000");
      long jobs = 0;
      for (String account : big.accountIds()) {
        for (String region : big.regions()) {
          jobs += big.jobsIn(account, region);
        }
      }
      assertThat(jobs).isEqualTo(1000L * 2 * 50);
      String last = big.accountIds().get(999);
      assertThat(big.jobs(last, "eu-west-1")).isEqualTo(SimulatedOrganization.builder().accounts(1000).now(NOW)
          .build().jobs(last, "eu-west-1"));
      assertThat(big.network(last, "eu-west-1").vpcs().orElseThrow()).hasSize(3);
    }
  }
}
