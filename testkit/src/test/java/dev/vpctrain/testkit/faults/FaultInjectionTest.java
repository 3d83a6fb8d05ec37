package dev.vpctrain.testkit.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vpctrain.testkit.ApiCall;
import dev.vpctrain.testkit.AwsFault;
import dev.vpctrain.testkit.FakeAws;
import dev.vpctrain.testkit.Scenarios;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsRequest;
import software.amazon.awssdk.services.efs.model.ThrottlingException;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.ServiceFailureException;
import software.amazon.awssdk.services.s3.model.GetBucketLocationRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.ListTrainingJobsRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** Faults injected per operation reach the caller through the fake SDK clients as the real services' errors. */
class FaultInjectionTest {
  private static final DescribeSubnetsRequest SUBNETS = DescribeSubnetsRequest.builder().build();

  private static FakeAws world(RetryStrategy retry) {
    return FakeAws.builder().scenario(Scenarios.readyPrivateEndpoints()).retryStrategy(retry).build();
  }

  private static FakeAws noRetries() {
    return world(AwsRetryStrategy.doNotRetry());
  }

  // tag::throttle[]
  @Test
  void ec2ThrottlingIsRequestLimitExceededAsEc2SendsIt() {
    FakeAws aws = noRetries();
    aws.ec2().failNext("DescribeSubnets", AwsFault.throttling());

    Ec2Exception e = catchThrowableOfType(() -> aws.ec2Client().describeSubnets(SUBNETS), Ec2Exception.class);

    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
    assertThat(e.awsErrorDetails().serviceName()).isEqualTo("Ec2");
    assertThat(e.statusCode()).isEqualTo(503);
    assertThat(e.awsErrorDetails().sdkHttpResponse().statusCode()).isEqualTo(503);
    assertThat(e.requestId()).isNotBlank().isEqualTo(aws.calls("ec2:DescribeSubnets").get(0).requestId());
    assertThat(e.isThrottlingException()).isTrue();
    assertThat(aws.calls("ec2:DescribeSubnets")).extracting(c -> c.errorCode().orElse(null))
        .containsExactly("RequestLimitExceeded");
    // the next call runs
    assertThat(aws.ec2Client().describeSubnets(SUBNETS).subnets()).isNotEmpty();
  }
  // end::throttle[]

  @Test
  void sageMakerAndS3ThrottleWithTheirOwnCodes() {
    FakeAws aws = noRetries();
    aws.sageMaker().failNext("ListTrainingJobs", AwsFault.throttling());
    aws.s3().failNext("GetBucketLocation", AwsFault.throttling());

    SageMakerException sm = catchThrowableOfType(
        () -> aws.sageMakerClient().listTrainingJobs(ListTrainingJobsRequest.builder().build()), SageMakerException.class);
    S3Exception s3 = catchThrowableOfType(() -> aws.s3Client().getBucketLocation(
        GetBucketLocationRequest.builder().bucket("training-data").build()), S3Exception.class);

    assertThat(sm.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
    assertThat(sm.statusCode()).isEqualTo(400);
    assertThat(sm.isThrottlingException()).isTrue();
    assertThat(s3.awsErrorDetails().errorCode()).isEqualTo("SlowDown");
    assertThat(s3.statusCode()).isEqualTo(503);
    assertThat(s3.isThrottlingException()).isTrue();
  }

  @Test
  void accessDeniedNamesTheActionAndIsNotRetried() {
    FakeAws aws = world(AwsRetryStrategy.standardRetryStrategy());
    aws.ec2().failNext("DescribeSubnets", AwsFault.accessDenied());
    aws.sageMaker().failNext("DescribeTrainingJob", AwsFault.accessDenied());
    aws.s3().failNext("GetBucketLocation", AwsFault.accessDenied());

    Ec2Exception ec2 = catchThrowableOfType(() -> aws.ec2Client().describeSubnets(SUBNETS), Ec2Exception.class);
    SageMakerException sm = catchThrowableOfType(() -> aws.sageMakerClient().describeTrainingJob(
        DescribeTrainingJobRequest.builder().trainingJobName("j").build()), SageMakerException.class);
    S3Exception s3 = catchThrowableOfType(() -> aws.s3Client().getBucketLocation(
        GetBucketLocationRequest.builder().bucket("training-data").build()), S3Exception.class);

    assertThat(ec2.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
    assertThat(ec2.statusCode()).isEqualTo(403);
    assertThat(ec2.awsErrorDetails().errorMessage()).contains("not authorized to perform: ec2:DescribeSubnets");
    assertThat(sm.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
    assertThat(sm.awsErrorDetails().errorMessage()).contains("sagemaker:DescribeTrainingJob");
    assertThat(s3.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    assertThat(s3.statusCode()).isEqualTo(403);
    assertThat(aws.calls()).hasSize(3);
  }

  @Test
  void serverErrorsAre503And500AndRetried() {
    FakeAws aws = noRetries();
    aws.ec2().failNext("DescribeSubnets", AwsFault.serviceUnavailable())
        .failNext("DescribeSubnets", AwsFault.internalError());
    aws.iam().failNext("GetRole", AwsFault.internalError());

    Ec2Exception unavailable = catchThrowableOfType(() -> aws.ec2Client().describeSubnets(SUBNETS), Ec2Exception.class);
    Ec2Exception internal = catchThrowableOfType(() -> aws.ec2Client().describeSubnets(SUBNETS), Ec2Exception.class);
    ServiceFailureException iam = catchThrowableOfType(
        () -> aws.iamClient().getRole(GetRoleRequest.builder().roleName("r").build()), ServiceFailureException.class);

    assertThat(unavailable.awsErrorDetails().errorCode()).isEqualTo("Unavailable");
    assertThat(unavailable.statusCode()).isEqualTo(503);
    assertThat(internal.awsErrorDetails().errorCode()).isEqualTo("InternalError");
    assertThat(internal.statusCode()).isEqualTo(500);
    assertThat(iam.awsErrorDetails().errorCode()).isEqualTo("ServiceFailure");
  }

  @Test
  void modeledExceptionClassesOfTheServicesAreUsed() {
    FakeAws aws = noRetries();
    aws.efs().failNext("DescribeFileSystems", AwsFault.throttling());
    aws.logs().failNext("DescribeLogStreams", AwsFault.throttling());

    ThrottlingException efs = catchThrowableOfType(
        () -> aws.efsClient().describeFileSystems(DescribeFileSystemsRequest.builder().build()), ThrottlingException.class);
    CloudWatchLogsException logs = catchThrowableOfType(() -> aws.logsClient().describeLogStreams(
        DescribeLogStreamsRequest.builder().logGroupName("/aws/sagemaker/TrainingJobs").build()),
        CloudWatchLogsException.class);

    assertThat(efs.statusCode()).isEqualTo(429);
    assertThat(logs).isInstanceOf(software.amazon.awssdk.services.cloudwatchlogs.model.ThrottlingException.class);
    assertThat(logs.isThrottlingException()).isTrue();
  }

  @Test
  void timeoutIsTheSdkClientExceptionOfAReadTimeout() {
    FakeAws aws = noRetries();
    aws.ec2().failNext("DescribeSubnets", AwsFault.timeout());

    assertThatThrownBy(() -> aws.ec2Client().describeSubnets(SUBNETS))
        .isExactlyInstanceOf(SdkClientException.class)
        .hasMessage("Unable to execute HTTP request: Read timed out (SDK Attempt Count: 1)")
        .hasCauseInstanceOf(SocketTimeoutException.class);
    assertThat(aws.calls("ec2:DescribeSubnets")).singleElement().satisfies(c -> assertThat(c.errorCode()).isEmpty());
  }

  @Test
  void malformedResponseIsTheSdkUnmarshallingFailureOfTheServiceProtocol() {
    FakeAws aws = noRetries();
    aws.ec2().failNext("DescribeSubnets", AwsFault.malformedResponse());
    aws.sageMaker().failNext("ListTrainingJobs", AwsFault.malformedResponse());

    assertThatThrownBy(() -> aws.ec2Client().describeSubnets(SUBNETS))
        .isExactlyInstanceOf(SdkClientException.class)
        .hasMessageStartingWith("Unable to unmarshall response (Could not parse XML response.")
        .hasMessageEndingWith("Response Code: 200, Response Text: OK (SDK Attempt Count: 1)");
    assertThatThrownBy(() -> aws.sageMakerClient().listTrainingJobs(ListTrainingJobsRequest.builder().build()))
        .isExactlyInstanceOf(SdkClientException.class)
        .hasMessageStartingWith("Unable to unmarshall response (")
        .hasCauseInstanceOf(RuntimeException.class);
  }

  // tag::retry[]
  @Test
  void theSdkRetryStrategyRetriesThrottlingAndFailTimesTwoThenSucceeds() {
    FakeAws aws = world(AwsRetryStrategy.standardRetryStrategy());
    Instant before = aws.clock().instant();
    aws.ec2().failTimes("DescribeSubnets", 2, AwsFault.throttling());

    assertThat(aws.ec2Client().describeSubnets(SUBNETS).subnets()).isNotEmpty();

    assertThat(aws.calls("ec2:DescribeSubnets")).extracting(c -> c.errorCode().orElse("ok"))
        .containsExactly("RequestLimitExceeded", "RequestLimitExceeded", "ok");
    assertThat(Duration.between(before, aws.clock().instant())).as("backoff spent in virtual time").isPositive();
  }
  // end::retry[]

  @Test
  void theDefaultRetryStrategyRetriesTimeoutsAnd5xxToo() {
    FakeAws aws = FakeAws.builder().scenario(Scenarios.readyPrivateEndpoints()).build();
    aws.ec2().failNext("DescribeSubnets", AwsFault.timeout()).failNext("DescribeSubnets", AwsFault.serviceUnavailable());

    assertThat(aws.ec2Client().describeSubnets(SUBNETS).subnets()).isNotEmpty();
    assertThat(aws.calls("ec2:DescribeSubnets")).hasSize(3);
  }

  @Test
  void whenRetriesRunOutTheLastAttemptIsThrownWithTheEarlierOnesSuppressed() {
    FakeAws aws = world(AwsRetryStrategy.standardRetryStrategy());
    aws.ec2().failAlways("DescribeSubnets", AwsFault.throttling());

    Ec2Exception e = catchThrowableOfType(() -> aws.ec2Client().describeSubnets(SUBNETS), Ec2Exception.class);

    assertThat(aws.calls("ec2:DescribeSubnets")).hasSize(3);
    assertThat(e.numAttempts()).isEqualTo(3);
    assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
        .allSatisfy(m -> assertThat(m).contains("Request limit exceeded."))
        .first().asString().startsWith("Request attempt 1 failure:");
    assertThat(e.requestId()).isEqualTo(aws.calls("ec2:DescribeSubnets").get(2).requestId());

    aws.ec2().clearFaults();
    assertThat(aws.ec2Client().describeSubnets(SUBNETS).subnets()).isNotEmpty();
  }

  @Test
  void aServiceErrorOfAnyCodeUsesTheModeledExceptionWhenThereIsOne() {
    FakeAws aws = noRetries();
    aws.sageMaker().failNext("ListTrainingJobs", AwsFault.serviceError("ResourceLimitExceeded", 400, "too many"));

    assertThatThrownBy(() -> aws.sageMakerClient().listTrainingJobs(ListTrainingJobsRequest.builder().build()))
        .isInstanceOf(software.amazon.awssdk.services.sagemaker.model.ResourceLimitExceededException.class)
        .isInstanceOf(AwsServiceException.class)
        .hasMessageContaining("too many");
  }

  @Test
  void anUnknownOperationFailsFastListingTheValidNames() {
    FakeAws aws = noRetries();

    assertThatThrownBy(() -> aws.ec2().failNext("DescribeSubnet", AwsFault.throttling()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no operation \"DescribeSubnet\"")
        .hasMessageContaining("DescribeSubnets, ")
        .hasMessageContaining("DescribeVpcs");
    assertThatThrownBy(() -> aws.sageMaker().failTimes("describeTrainingJob", 2, AwsFault.throttling()))
        .hasMessageContaining("CreateTrainingJob, DescribeHyperParameterTuningJob, DescribeProcessingJob, DescribeTrainingJob");
    assertThatThrownBy(() -> aws.ec2().failTimes("DescribeSubnets", 0, AwsFault.throttling()))
        .hasMessageContaining("at least 1");
  }

  @Test
  void callsFilterByServiceAndOperation() {
    FakeAws aws = noRetries();
    aws.ec2Client().describeSubnets(SUBNETS);
    aws.ec2Client().describeVpcs(r -> {});

    assertThat(aws.calls("ec2")).extracting(ApiCall::operation).containsExactly("DescribeSubnets", "DescribeVpcs");
    assertThat(aws.calls("ec2:DescribeVpcs")).extracting(ApiCall::name).containsExactly("ec2:DescribeVpcs");
    assertThat(aws.ec2().calls()).hasSize(2);
    assertThatThrownBy(() -> aws.calls("ec2:DescribeVpc")).hasMessageContaining("DescribeVpcs");
    assertThatThrownBy(() -> aws.calls("ecs:ListTasks")).hasMessageContaining("no fake service ecs");
  }
}
