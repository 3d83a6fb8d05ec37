package dev.vpctrain.testkit.sdk;

import dev.vpctrain.testkit.world.ApiCall;
import dev.vpctrain.testkit.world.World;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.AwsResponse;
import software.amazon.awssdk.awscore.DefaultAwsResponseMetadata;
import software.amazon.awssdk.awscore.util.AwsHeader;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.http.SdkHttpResponse;

/**
 * Makes an SDK client interface ({@code Ec2Client}, {@code SageMakerClient}…) out of a handler
 * object with one method per modeled operation, named as the client's and taking its request
 * ({@code DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest)}). The proxy adds what
 * the real client adds: request ids, response metadata and a 200 HTTP response; the SDK's
 * exception types for {@link AwsError}s; the call log. Convenience overloads
 * ({@code Consumer<Builder>}, no-argument forms) and paginators run the interface's own default
 * code, so they reach the handler like real calls. An operation the handler lacks fails with an
 * {@link UnsupportedOperationException} naming it.
 */
public final class ClientProxy implements InvocationHandler {
  private final String service;
  private final String serviceName;
  private final Object handler;
  private final World world;
  private final ServiceErrors errors;
  private final String requestIdHeader;
  private final Map<Method, Method> targets = new ConcurrentHashMap<>();
  private final Map<Method, Boolean> missing = new ConcurrentHashMap<>();

  private ClientProxy(String service, String serviceName, Object handler, World world, ServiceErrors errors,
      String requestIdHeader) {
    this.service = service;
    this.serviceName = serviceName;
    this.handler = handler;
    this.world = world;
    this.errors = errors;
    this.requestIdHeader = requestIdHeader;
  }

  /**
   * A client of {@code type} answering through {@code handler}.
   *
   * @param service the short name recorded in the call log ({@code ec2}, {@code sagemaker}…)
   * @param serviceName what {@code serviceName()} returns
   * @param requestIdHeader the HTTP header carrying the request id, or null
   */
  public static <T extends SdkClient> T create(Class<T> type, String service, String serviceName, Object handler,
      World world, ServiceErrors errors, String requestIdHeader) {
    ClientProxy h = new ClientProxy(service, serviceName, handler, world, errors, requestIdHeader);
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, h));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    int arity = method.getParameterCount();
    if (method.getDeclaringClass() == Object.class) {
      switch (name) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        default:
          return "Fake" + errors.serviceName() + "Client";
      }
    }
    if (name.equals("serviceName") && arity == 0) {
      return serviceName;
    }
    if (name.equals("close") && arity == 0) {
      return null;
    }
    Method target = target(method);
    if (target != null) {
      if (arity == 1 && args[0] instanceof SdkRequest) {
        return call(method, target, (SdkRequest) args[0]);
      }
      return invokeTarget(target, args);
    }
    if (method.isDefault()) {
      try {
        return InvocationHandler.invokeDefault(proxy, method, args);
      } catch (UnsupportedOperationException e) {
        if (e.getMessage() == null) {
          throw unsupported(name);
        }
        throw e;
      }
    }
    throw unsupported(name);
  }

  private Object call(Method method, Method target, SdkRequest request) throws Throwable {
    String operation = capitalize(method.getName());
    String requestId = world.ids().nextRequestId();
    try {
      Object response = invokeTarget(target, new Object[] {request});
      world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, null));
      return decorate(response, requestId);
    } catch (AwsError e) {
      world.record(new ApiCall(service, operation, request, world.clock().instant(), requestId, e.code()));
      throw errors.toException(e, requestId, http(e.status(), requestId));
    }
  }

  private Object decorate(Object response, String requestId) {
    if (!(response instanceof AwsResponse)) {
      return response;
    }
    AwsResponse.Builder b = ((AwsResponse) response).toBuilder();
    b.responseMetadata(DefaultAwsResponseMetadata.create(Map.of(AwsHeader.AWS_REQUEST_ID, requestId)));
    b.sdkHttpResponse(http(200, requestId));
    return b.build();
  }

  private SdkHttpResponse http(int status, String requestId) {
    SdkHttpResponse.Builder b = SdkHttpResponse.builder().statusCode(status).statusText(statusText(status));
    if (requestIdHeader != null) {
      b.putHeader(requestIdHeader, requestId);
    }
    return b.build();
  }

  private static String statusText(int status) {
    switch (status) {
      case 200:
        return "OK";
      case 400:
        return "Bad Request";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 412:
        return "Precondition Failed";
      default:
        return "Error";
    }
  }

  private Object invokeTarget(Method target, Object[] args) throws Throwable {
    try {
      return target.invoke(handler, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private Method target(Method method) {
    if (missing.containsKey(method)) {
      return null;
    }
    Method found = targets.get(method);
    if (found != null) {
      return found;
    }
    try {
      found = handler.getClass().getMethod(method.getName(), method.getParameterTypes());
      if (!method.getReturnType().isAssignableFrom(found.getReturnType())) {
        found = null;
      }
    } catch (NoSuchMethodException e) {
      found = null;
    }
    if (found == null) {
      missing.put(method, Boolean.TRUE);
      return null;
    }
    targets.put(method, found);
    return found;
  }

  private UnsupportedOperationException unsupported(String method) {
    return new UnsupportedOperationException(errors.serviceName() + "." + capitalize(method)
        + " is not modeled by the vpctrain testkit (FakeAws " + service + " client); it models "
        + modeled() + ". Stub this call another way or ask for it to be added.");
  }

  private String modeled() {
    StringBuilder sb = new StringBuilder();
    for (Method m : handler.getClass().getMethods()) {
      if (m.getParameterCount() == 1 && SdkRequest.class.isAssignableFrom(m.getParameterTypes()[0])) {
        if (sb.length() > 0) {
          sb.append(", ");
        }
        sb.append(capitalize(m.getName()));
      }
    }
    return sb.toString();
  }

  static String capitalize(String name) {
    Objects.requireNonNull(name);
    return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
  }
}
