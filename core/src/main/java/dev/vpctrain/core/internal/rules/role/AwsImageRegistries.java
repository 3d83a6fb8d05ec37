package dev.vpctrain.core.internal.rules.role;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ECR registries (account and region) that AWS owns for the images SageMaker provides: the AWS
 * Deep Learning Containers. Their repository policies are AWS's and allow the pulls, so for an image
 * there only the role's side decides. Sources, as read:
 *
 * <ul>
 *   <li>aws/deep-learning-containers {@code available_images.md} (commit 0081995), "Deep Learning
 *       Containers Docker Images are available in the following regions": 763104351884 in 16 regions,
 *       and one account each for af-south-1, ap-east-1, ap-northeast-3, ap-southeast-3, eu-south-1,
 *       me-south-1, me-central-1 and the two China regions;
 *   <li>SageMaker "Docker Registry Paths and Example Code for Israel (Tel Aviv) (il-central-1)"
 *       (docs.aws.amazon.com/sagemaker/latest/dg-ecr-paths/ecr-il-central-1.html): 780543022126.
 * </ul>
 *
 * The first-party algorithm images (XGBoost, BlazingText…) live in other, per-region accounts that
 * are not listed here: an image from them is treated as any other account's (UNVERIFIED).
 */
final class AwsImageRegistries {
  private static final String DLC = "aws/deep-learning-containers available_images.md";

  private static final Map<String, Registry> BY_REGION = Map.ofEntries(
      dlc("us-east-1", "763104351884"), dlc("us-east-2", "763104351884"), dlc("us-west-1", "763104351884"),
      dlc("us-west-2", "763104351884"), dlc("ap-south-1", "763104351884"), dlc("ap-northeast-1", "763104351884"),
      dlc("ap-northeast-2", "763104351884"), dlc("ap-southeast-1", "763104351884"),
      dlc("ap-southeast-2", "763104351884"), dlc("ca-central-1", "763104351884"),
      dlc("eu-central-1", "763104351884"), dlc("eu-west-1", "763104351884"), dlc("eu-west-2", "763104351884"),
      dlc("eu-west-3", "763104351884"), dlc("eu-north-1", "763104351884"), dlc("sa-east-1", "763104351884"),
      dlc("af-south-1", "626614931356"), dlc("ap-east-1", "871362719292"), dlc("ap-northeast-3", "364406365360"),
      dlc("ap-southeast-3", "907027046896"), dlc("eu-south-1", "692866216735"), dlc("me-south-1", "217643126080"),
      dlc("me-central-1", "914824155844"), dlc("cn-north-1", "727897471807"), dlc("cn-northwest-1", "727897471807"),
      Map.entry("il-central-1", new Registry("780543022126", "SageMaker guide, Docker registry paths for il-central-1")));

  private AwsImageRegistries() {}

  /** An AWS-owned registry and the document that names it. */
  record Registry(String account, String source) {}

  private static Map.Entry<String, Registry> dlc(String region, String account) {
    return Map.entry(region, new Registry(account, DLC));
  }

  /** The AWS-owned registry {@code account} is in {@code region}, if the table has it. */
  static Optional<Registry> find(String account, String region) {
    Registry r = BY_REGION.get(region);
    return r != null && r.account().equals(account) ? Optional.of(r) : Optional.empty();
  }

  /** The regions of the table (for tests and docs). */
  static List<String> regions() {
    return BY_REGION.keySet().stream().sorted().toList();
  }
}
