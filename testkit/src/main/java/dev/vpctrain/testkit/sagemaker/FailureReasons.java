package dev.vpctrain.testkit.sagemaker;

import dev.vpctrain.core.job.S3Uri;
import java.util.List;

/**
 * The {@code FailureReason} texts of simulated jobs; docs/testkit.md ("Failure reasons") lists
 * which are SageMaker's exact words (with the public source) and which are paraphrased. Exact: the
 * S3 download/upload texts, the EFS mount failures, the training toolkit's
 * {@code ExecuteUserScriptError} and {@code framework error} framing and the botocore/urllib3
 * messages inside them. Paraphrased, in SageMaker's {@code ClientError:} style: tenancy, DHCP
 * options, free IP addresses, the cluster timeout and the in-VPC target timeout.
 */
final class FailureReasons {
  static final String S3_HINT = "Please ensure that the subnet's route table has a route to an S3 VPC endpoint or a NAT "
      + "device, and both the security groups and the subnet's network ACL allow outbound traffic to S3.";

  private FailureReasons() {}

  static String downloadFailed() {
    return "ClientError: Data download failed:" + S3_HINT;
  }

  static String uploadFailed() {
    return "ClientError: Artifact upload failed:" + S3_HINT;
  }

  static String downloadDenied(String location) {
    return "ClientError: Data download failed:Failed to download data. ListObjectsV2 failed for " + location
        + ": Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)";
  }

  static String uploadDenied(String location) {
    return "ClientError: Artifact upload failed:Insufficient access to put object at " + location
        + ": Access Denied (Service: Amazon S3; Status Code: 403; Error Code: AccessDenied)";
  }

  /**
   * The training toolkit's failure to fetch the code package ({@code sagemaker_submit_directory}) in
   * the container: botocore's words for a denied HEAD of the object, or for an endpoint it cannot reach.
   */
  static String codeDownload(S3Uri location, boolean denied) {
    return "AlgorithmError: framework error: \n" + (denied
        ? "botocore.exceptions.ClientError: An error occurred (403) when calling the HeadObject operation: Forbidden ("
            + location + ")"
        : "botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"https://" + location.bucket()
            + ".s3.amazonaws.com/" + location.key() + "\"");
  }

  static String tenancy(String vpcId, String tenancy) {
    return "ClientError: VPC " + vpcId + " has '" + tenancy + "' instance tenancy. Training jobs can run only in "
        + "subnets of VPCs with default tenancy.";
  }

  static String dhcp(String vpcId) {
    return "ClientError: The DHCP options set of VPC " + vpcId + " is invalid: expected DHCP options to include keys "
        + "domain-name-servers and domain-name.";
  }

  static String insufficientIps(List<String> subnets, int instances, String instanceType, int perInstance) {
    return "ClientError: Insufficient free IP addresses in subnet(s) " + String.join(", ", subnets) + " to launch "
        + instances + " " + instanceType + " instance(s) (" + perInstance + " addresses each). Please use subnets "
        + "with more free IP addresses.";
  }

  static String clusterTimeout(String peer, long seconds) {
    return "AlgorithmError: framework error: TimeoutError: Cannot connect to host " + peer + " at port 22 after "
        + seconds + " seconds. Please ensure that the security groups of the training job allow traffic between "
        + "its instances.";
  }

  static String serviceUnreachable(String url) {
    return userScriptError("botocore.exceptions.ConnectTimeoutError: Connect timeout on endpoint URL: \"" + url + "\"");
  }

  /** urllib3's words for a connection that timed out (pip's default connect timeout, 15 s); {@code port} is not in them. */
  static String internetUnreachable(String host, int port) {
    return userScriptError("urllib3.exceptions.ConnectTimeoutError: Connection to " + host + " timed out. (connect "
        + "timeout=15)");
  }

  /**
   * The training toolkit's {@code ExecuteUserScriptError} as SageMaker reports it (sagemaker-training-toolkit
   * {@code errors._CalledProcessError.__str__}, prefixed {@code AlgorithmError: }), for the SDKs' default entry point.
   */
  static String userScriptError(String errorMessage) {
    return "AlgorithmError: ExecuteUserScriptError:\nExitCode 1\nErrorMessage \"" + errorMessage + "\"\nCommand "
        + "\"/opt/conda/bin/python3.10 train.py\"";
  }

  /**
   * SageMaker's failure to mount a file system it cannot reach (its words for EFS; used for FSx for
   * Lustre too, whose text is not public).
   */
  static String mountTimedOut(String fileSystemId, String directoryPath) {
    return mountPrefix(fileSystemId, directoryPath) + "File system connection timed out. Please ensure that mount target IP "
        + "address of file system is reachable and the security groups you associate with file system must allow inbound "
        + "access on NFS port.";
  }

  /** SageMaker's failure to mount a directory the file system does not have (or a wrong Lustre mount name). */
  static String noSuchDirectory(String fileSystemId, String directoryPath) {
    return mountPrefix(fileSystemId, directoryPath) + "No such file or directory: " + directoryPath + ".";
  }

  /** A file system that does not exist or is not available (the kit's words, in SageMaker's mount-failure frame). */
  static String fileSystemUnusable(String fileSystemId, String directoryPath, String why) {
    return mountPrefix(fileSystemId, directoryPath) + why;
  }

  private static String mountPrefix(String fileSystemId, String directoryPath) {
    return "ClientError: Unable to mount file system: " + fileSystemId + ", directory path: " + directoryPath + ". ";
  }

  /** The training code's connection to an in-VPC target (a database, a service) that times out. */
  static String targetUnreachable(String name, String endpoint) {
    return userScriptError("TimeoutError: [Errno 110] Connection timed out (connecting to " + name + " at " + endpoint
        + ")");
  }

  static String clientError(String message) {
    return "ClientError: " + message;
  }
}
