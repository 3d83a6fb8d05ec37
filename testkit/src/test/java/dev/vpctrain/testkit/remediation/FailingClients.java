package dev.vpctrain.testkit.remediation;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The fake clients with one failure injected: the {@code n}-th write call (counted over EC2 and S3
 * together) is refused with {@code UnauthorizedOperation} / {@code AccessDenied}; every other call
 * reaches the fake world unchanged.
 */
final class FailingClients {
  static final Set<String> WRITES = Set.of("createVpcEndpoint", "modifyVpcEndpoint", "createSecurityGroup",
      "authorizeSecurityGroupIngress", "authorizeSecurityGroupEgress", "modifyVpcAttribute", "putBucketPolicy");

  final Ec2Client ec2;
  final S3Client s3;
  private final AtomicInteger writes = new AtomicInteger();
  private final int failAt;
  private volatile String failed;

  FailingClients(Ec2Client ec2, S3Client s3, int failAt) {
    this.failAt = failAt;
    this.ec2 = proxy(Ec2Client.class, ec2);
    this.s3 = proxy(S3Client.class, s3);
  }

  /** The operation that was refused, if the run got that far. */
  String failed() {
    return failed;
  }

  private <T> T proxy(Class<T> type, T target) {
    InvocationHandler h = (p, method, args) -> {
      boolean oneArg = args != null && args.length == 1;
      if (oneArg && args[0] instanceof java.util.function.Consumer && method.isDefault()) {
        return InvocationHandler.invokeDefault(p, method, args); // builds the request, then comes back below
      }
      boolean write = oneArg && WRITES.contains(method.getName()) && args[0] instanceof SdkRequest;
      if (write && !isDryRun(args[0]) && writes.incrementAndGet() == failAt) {
        failed = method.getName();
        throw type == Ec2Client.class
            ? Ec2Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("UnauthorizedOperation").errorMessage("You are not authorized to perform this operation.")
                .serviceName("Ec2").build()).build()
            : S3Exception.builder().statusCode(403).awsErrorDetails(AwsErrorDetails.builder()
                .errorCode("AccessDenied").errorMessage("Access Denied").serviceName("S3").build()).build();
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }

  private static boolean isDryRun(Object request) {
    return ((SdkRequest) request).getValueForField("DryRun", Boolean.class).orElse(false);
  }
}
