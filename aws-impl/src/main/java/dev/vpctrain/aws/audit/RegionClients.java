package dev.vpctrain.aws.audit;

import java.util.Objects;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** The clients of one account and region an audit reads with: SageMaker for the jobs, EC2 and S3 for the network. */
public final class RegionClients implements AutoCloseable {
  private final SageMakerClient sageMaker;
  private final Ec2Client ec2;
  private final S3Client s3;

  private RegionClients(SageMakerClient sageMaker, Ec2Client ec2, S3Client s3) {
    this.sageMaker = Objects.requireNonNull(sageMaker, "sageMaker");
    this.ec2 = Objects.requireNonNull(ec2, "ec2");
    this.s3 = Objects.requireNonNull(s3, "s3");
  }

  /**
   * {@return the three clients, closed together by {@link #close()}}
   *
   * @param sageMaker the SageMaker client
   * @param ec2 the EC2 client
   * @param s3 the S3 client (cross-region access enabled, for buckets elsewhere)
   */
  public static RegionClients of(SageMakerClient sageMaker, Ec2Client ec2, S3Client s3) {
    return new RegionClients(sageMaker, ec2, s3);
  }

  /** {@return the SageMaker client} */
  public SageMakerClient sageMaker() {
    return sageMaker;
  }

  /** {@return the EC2 client} */
  public Ec2Client ec2() {
    return ec2;
  }

  /** {@return the S3 client} */
  public S3Client s3() {
    return s3;
  }

  /** Closes the three clients. */
  @Override
  public void close() {
    sageMaker.close();
    ec2.close();
    s3.close();
  }
}
