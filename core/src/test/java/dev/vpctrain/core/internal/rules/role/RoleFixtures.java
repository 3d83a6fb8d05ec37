package dev.vpctrain.core.internal.rules.role;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.rules.ShapeFixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Roles and iam sections for the role rule tests (the job of {@link ShapeFixtures} uses {@link #ROLE_ARN}). */
final class RoleFixtures {
  static final String ACCOUNT = "123456789012";
  static final String ROLE_NAME = "SageMakerTrainingRole";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/" + ROLE_NAME;
  static final String TRUST_SAGEMAKER = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"sagemaker.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private RoleFixtures() {}

  /** A policy document of these statements. */
  static String doc(String... statements) {
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
  }

  /** The job's role with {@code trust} and these inline policy documents, no attached policies. */
  static IamRole.Builder role(String trust, String... inline) {
    List<InlinePolicy> policies = new ArrayList<>();
    for (int i = 0; i < inline.length; i++) {
      policies.add(InlinePolicy.of("inline" + i, Optional.of(inline[i])));
    }
    return IamRole.builder().roleName(ROLE_NAME).arn(ROLE_ARN).trustPolicy(trust).inlinePolicies(policies)
        .attachedPolicyArns(List.of());
  }

  /** The shape fixtures' network with a scoped iam section holding {@code roles}. */
  static NetworkSnapshot.Builder network(IamRole... roles) {
    return ShapeFixtures.network().iam(IamEvidence.builder().roles(List.of(roles)).build());
  }
}
