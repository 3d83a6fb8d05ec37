package dev.vpctrain.aws.support;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** A scripted SageMaker: describe answers come from a queue (the last one repeats); creates are recorded. */
public final class FakeSageMaker implements SageMakerClient {
  public final List<CreateTrainingJobRequest> creates = new ArrayList<>();
  public final List<String> describes = new ArrayList<>();
  private final Deque<Object> describeAnswers = new ArrayDeque<>();
  private RuntimeException createFailure;

  /** Queues a describe answer: a response, or an exception to throw. */
  public FakeSageMaker thenDescribe(Object answer) {
    describeAnswers.add(answer);
    return this;
  }

  public FakeSageMaker failCreate(RuntimeException e) {
    this.createFailure = e;
    return this;
  }

  public static AwsServiceException error(String code, int status, String message) {
    return SageMakerException.builder().statusCode(status).message(message)
        .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(message).serviceName("SageMaker").build())
        .build();
  }

  public static AwsServiceException notFound() {
    return error("ValidationException", 400, "Requested resource not found.");
  }

  @Override
  public CreateTrainingJobResponse createTrainingJob(CreateTrainingJobRequest request) {
    creates.add(request);
    if (createFailure != null) {
      throw createFailure;
    }
    return CreateTrainingJobResponse.builder()
        .trainingJobArn("arn:aws:sagemaker:us-east-1:123456789012:training-job/" + request.trainingJobName()).build();
  }

  @Override
  public DescribeTrainingJobResponse describeTrainingJob(DescribeTrainingJobRequest request) {
    describes.add(request.trainingJobName());
    Object answer = describeAnswers.size() > 1 ? describeAnswers.poll() : describeAnswers.peek();
    if (answer == null) {
      throw notFound();
    }
    if (answer instanceof RuntimeException) {
      throw (RuntimeException) answer;
    }
    return (DescribeTrainingJobResponse) answer;
  }

  @Override
  public String serviceName() {
    return "sagemaker";
  }

  @Override
  public void close() {}
}
