package dev.vpctrain.aws.diagnosis;

import java.util.List;

/** What kind of failure a training job's {@code FailureReason} describes, and the rule families that explain it. */
public enum FailureCategory {
  /** No network path from a job subnet to S3. */
  S3_ROUTE("the job's instances could not reach S3: no route to an S3 VPC endpoint or NAT device, or a security "
      + "group or network ACL blocks it", List.of("s3.route.", "s3.bucket.other-region", "s3.security-group.", "s3.nacl.")),
  /** S3 was reached but refused the request. */
  S3_ACCESS("S3 refused the job's request: the VPC endpoint policy, the bucket policy or the role denies it",
      List.of("s3.endpoint-policy.", "s3.bucket-policy.", "s3.policy.")),
  /** Reading input data from S3 failed. */
  S3_INPUT("downloading the input data from S3 failed", List.of("s3.")),
  /** Writing the model, output or checkpoints to S3 failed. */
  S3_OUTPUT("uploading to the output path (model artifacts, checkpoints) in S3 failed", List.of("s3.")),
  /** The instances could not reach each other. */
  CLUSTER("the job's instances could not reach each other (security groups, network ACLs, EFA)",
      List.of("sg.", "nacl.cluster.")),
  /** No instance capacity. */
  CAPACITY("SageMaker had no capacity for the instance type in the subnets' Availability Zones",
      List.of("vpc.subnets.single-az")),
  /** The VPC's DHCP options lack required keys. */
  DHCP("the VPC's DHCP option set lacks domain-name or domain-name-servers", List.of("vpc.dhcp.")),
  /** A subnet ran out of IP addresses. */
  SUBNET_IP("a job subnet has too few free IP addresses for the job's network interfaces", List.of("subnet.ip-")),
  /** Host names did not resolve. */
  DNS("host names did not resolve inside the VPC", List.of("vpc.dns.", "egress.interface-endpoint.dns")),
  /** The training code could not reach an AWS service or internet host. */
  SERVICE_EGRESS("the training code could not reach an AWS service or internet destination",
      List.of("egress.", "isolation.conflict")),
  /** The image could not be pulled. */
  IMAGE("the training image could not be pulled", List.of("request.image.")),
  /** A subnet or security group of the job does not exist or does not fit. */
  RESOURCE("a subnet or security group of the job does not exist or belongs elsewhere",
      List.of("vpc.resource.", "vpc.mixed", "vpc.tenancy.")),
  /** The training volume filled up. */
  DISK("the training volume ran out of space (raise ResourceConfig.VolumeSizeInGB)", List.of()),
  /** The training code failed for its own reasons. */
  ALGORITHM("the training code itself failed; see its logs", List.of()),
  /** Not recognised. */
  UNKNOWN("the failure reason is not one vpctrain recognises", List.of());

  private final String explanation;
  @SuppressWarnings("ImmutableEnumChecker") // always an unmodifiable List.of(...)
  private final List<String> ruleFamilies;

  FailureCategory(String explanation, List<String> ruleFamilies) {
    this.explanation = explanation;
    this.ruleFamilies = ruleFamilies;
  }

  /** {@return one sentence saying what failed} */
  public String explanation() {
    return explanation;
  }

  /** {@return rule id prefixes whose findings explain this failure (an exact id also matches itself)} */
  public List<String> ruleFamilies() {
    return ruleFamilies;
  }

  /** {@return the families for people: {@code s3.route.*, s3.bucket.other-region}} */
  public String describeFamilies() {
    return String.join(", ", ruleFamilies.stream().map(f -> f.endsWith(".") || f.endsWith("-") ? f + "*" : f)
        .toArray(String[]::new));
  }

  /**
   * {@return true when {@code ruleId} belongs to one of this category's families}
   *
   * @param ruleId the rule id
   */
  public boolean covers(String ruleId) {
    return ruleFamilies.stream().anyMatch(ruleId::startsWith);
  }

  /** {@return true for failures the network can explain} */
  public boolean isNetwork() {
    return !ruleFamilies.isEmpty();
  }
}
