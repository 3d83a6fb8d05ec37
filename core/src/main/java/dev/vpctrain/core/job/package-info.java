/**
 * The training job as vpctrain sees it: the network intent of a SageMaker {@code CreateTrainingJob}
 * request, plus what the training code needs beyond S3. {@link dev.vpctrain.core.job.TrainingJobSpec}
 * is the entry point; build it fluently or read it from a job file ({@code dev.vpctrain.aws.job}):
 *
 * <pre>{@code
 * TrainingJobSpec job = TrainingJobSpec.builder()
 *     .name("churn-train")
 *     .roleArn("arn:aws:iam::111122223333:role/SageMakerExecution")
 *     .instanceType("ml.m5.xlarge")
 *     .vpc(v -> v.subnets("subnet-0a1b2c3d4e5f60718").securityGroups("sg-0123456789abcdef0"))
 *     .inputChannel("train", "s3://example-bucket/train/")
 *     .outputPath("s3://example-bucket/output/")
 *     .requires(AwsService.LOGS)
 *     .build();
 * }</pre>
 *
 * <p>Each builder setter names the request member it sets. {@link dev.vpctrain.core.job.AwsService},
 * {@link dev.vpctrain.core.job.HostPort} and {@link dev.vpctrain.core.job.VpcTarget} describe the
 * destinations the training code calls; they are not part of the API request. Absent values are
 * {@code Optional.empty()}: a spec holds what the request says, and the rules report what is wrong with it.
 */
@VpcTrainStyle
package dev.vpctrain.core.job;

import dev.vpctrain.core.VpcTrainStyle;
