package dev.vpctrain.aws.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FailureClassifierTest {
  /** The testkit's failure texts in the training toolkit's exact multi-line framing still classify. */
  @org.junit.jupiter.api.Test
  void toolkitFramedReasonsAreClassified() {
    assertThat(FailureClassifier.classify("AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "
        + "\"botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: "
        + "\"https://api.sagemaker.us-east-1.amazonaws.com/\"\"\nCommand \"/opt/conda/bin/python3.10 train.py\""))
        .isEqualTo(FailureCategory.SERVICE_EGRESS);
    assertThat(FailureClassifier.classify("AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage "
        + "\"urllib3.exceptions.ConnectTimeoutError: Connection to pypi.org timed out. (connect timeout=15)\"\n"
        + "Command \"/opt/conda/bin/python3.10 train.py\"")).isEqualTo(FailureCategory.SERVICE_EGRESS);
    assertThat(FailureClassifier.classify("AlgorithmError: framework error: \nbotocore.exceptions.ClientError: An error "
        + "occurred (403) when calling the HeadObject operation: Forbidden (s3://acme-ml-code/src/sourcedir.tar.gz)"))
        .isEqualTo(FailureCategory.S3_ACCESS);
    assertThat(FailureClassifier.classify("AlgorithmError: framework error: \nbotocore.exceptions.ConnectTimeoutError: "
        + "Connect timeout on endpoint URL: \"https://acme-ml-code.s3.amazonaws.com/src/sourcedir.tar.gz\""))
        .isIn(FailureCategory.S3_ROUTE, FailureCategory.SERVICE_EGRESS);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ClientError: Data download failed:Please ensure that the subnet's route table has a route to an S3 VPC endpoint or a NAT device, and both the security groups and the subnet's network ACL allow outbound traffic to S3. | S3_ROUTE
      ClientError: Data download failed:Could not download s3://acme-ml-data/train/part-0: Connect timeout on endpoint URL: "https://acme-ml-data.s3.amazonaws.com/train/part-0" | S3_ROUTE
      ClientError: Data download failed:An error occurred (AccessDenied) when calling the GetObject operation: Access Denied | S3_ACCESS
      ClientError: Data download failed:Insufficient disk space. Please increase the volume size | DISK
      ClientError: Data download failed:NoSuchKey | S3_INPUT
      ClientError: Artifact upload failed:Error 7: Unable to upload model | S3_OUTPUT
      ClientError: Artifact upload failed:Error 403: Access Denied on s3://acme-ml-artifacts | S3_ACCESS
      AlgorithmError: Cannot connect to host algo-2:7777 ssl:default [Connect call failed] | CLUSTER
      AlgorithmError: NCCL error: unhandled system error, NCCL version 2.18.3 | CLUSTER
      AlgorithmError: socket.timeout: timed out waiting for algo-3 | CLUSTER
      InsufficientCapacityError: Unable to provision requested ML compute capacity. Please retry using a different ML instance type. | CAPACITY
      CapacityError: Unable to provision requested ML compute capacity. | CAPACITY
      ClientError: Failed to start job: expected DHCP options to include keys domain-name-servers and domain-name | DHCP
      ClientError: The subnet subnet-0a1b2c3d4e5f60719 has no available IP addresses | SUBNET_IP
      ClientError: Insufficient free addresses in subnet subnet-0a1b2c3d4e5f60719 | SUBNET_IP
      AlgorithmError: botocore.exceptions.EndpointConnectionError: Could not connect to the endpoint URL: "https://sts.us-east-1.amazonaws.com/" | SERVICE_EGRESS
      AlgorithmError: pip._vendor.urllib3.exceptions: Failed to establish a new connection: [Errno 110] Connection timed out | SERVICE_EGRESS
      AlgorithmError: Temporary failure in name resolution | DNS
      ClientError: CannotPullContainerError: failed to resolve reference registry.acme.internal/train:1 | IMAGE
      ClientError: The security group sg-0a1b2c3d4e5f60710 does not exist | RESOURCE
      AlgorithmError: ExecuteUserScriptError: Command "/usr/bin/python3 train.py" exit status 1 | ALGORITHM
      InternalServerError: We encountered an internal error. Please try again. | UNKNOWN
      """)
  void classifiesFailureReasons(String reason, FailureCategory expected) {
    assertThat(FailureClassifier.classify(reason)).isEqualTo(expected);
  }
}
