package dev.vpctrain.testkit.internal.world;

import dev.vpctrain.testkit.sagemaker.FakeSageMaker;
import java.util.Objects;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * How {@code FakeAws} builds the fake SageMaker of a world without a public constructor or factory
 * in the API package {@code testkit.sagemaker} that takes the (internal) {@link World}:
 * {@link FakeSageMaker} registers the one implementation when its class is initialised.
 */
public abstract class SageMakerWiring {
  private static volatile SageMakerWiring registered;

  protected SageMakerWiring() {}

  /** A new fake SageMaker over {@code world}, with no jobs. */
  public abstract FakeSageMaker sageMaker(World world);

  /** A {@code SageMakerClient} over {@code world} and its SageMaker state. */
  public abstract SageMakerClient client(World world, FakeSageMaker state);

  /** Called once, from {@link FakeSageMaker}'s class initialiser. */
  public static void register(SageMakerWiring wiring) {
    registered = Objects.requireNonNull(wiring, "wiring");
  }

  /** The wiring {@link FakeSageMaker} registered (its class is initialised first). */
  public static SageMakerWiring get() {
    try {
      Class.forName(FakeSageMaker.class.getName(), true, FakeSageMaker.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("FakeSageMaker is not on the class path", e);
    }
    return Objects.requireNonNull(registered, "FakeSageMaker registered no wiring");
  }
}
