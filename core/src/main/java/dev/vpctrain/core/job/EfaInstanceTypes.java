package dev.vpctrain.core.job;

import java.util.Set;

/** The EFA-capable training instance types: the instance types that support Elastic Fabric Adapter. */
public final class EfaInstanceTypes {
  private static final Set<String> TYPES = Set.of(
      "ml.p3dn.24xlarge", "ml.p4d.24xlarge", "ml.p4de.24xlarge", "ml.p5.48xlarge", "ml.p5e.48xlarge",
      "ml.p5en.48xlarge", "ml.g4dn.8xlarge", "ml.g4dn.12xlarge", "ml.g4dn.16xlarge", "ml.g5.8xlarge",
      "ml.g5.12xlarge", "ml.g5.16xlarge", "ml.g5.24xlarge", "ml.g5.48xlarge", "ml.g6e.8xlarge",
      "ml.g6e.12xlarge", "ml.g6e.16xlarge", "ml.g6e.24xlarge", "ml.g6e.48xlarge", "ml.trn1.32xlarge",
      "ml.trn1n.32xlarge", "ml.c5n.9xlarge", "ml.c5n.18xlarge", "ml.m6i.32xlarge", "ml.c6i.32xlarge");

  private EfaInstanceTypes() {}

  /**
   * {@return true when {@code instanceType} is in the catalogue's EFA table ({@link #all()}); false for
   * {@code null} and for types vpctrain does not know}
   *
   * @param instanceType a SageMaker instance type, for example {@code ml.p4d.24xlarge}
   */
  public static boolean isEfaCapable(String instanceType) {
    return instanceType != null && TYPES.contains(instanceType);
  }

  /** {@return every EFA-capable instance type vpctrain knows, unmodifiable} */
  public static Set<String> all() {
    return TYPES;
  }
}
