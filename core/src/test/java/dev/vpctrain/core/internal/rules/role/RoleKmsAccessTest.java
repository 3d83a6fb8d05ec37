package dev.vpctrain.core.internal.rules.role;

import static dev.vpctrain.core.internal.rules.role.RoleFixtures.ROLE_ARN;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.TRUST_SAGEMAKER;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.doc;
import static dev.vpctrain.core.internal.rules.role.RoleFixtures.role;
import static dev.vpctrain.core.rules.ShapeFixtures.context;
import static dev.vpctrain.core.rules.ShapeFixtures.job;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.KmsAlias;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.iam.ManagedPolicy;
import dev.vpctrain.core.job.TrainingJobSpec;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Outcome;
import dev.vpctrain.core.rules.RuleContext;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code role.kms.access}: KMS's rules, where the key policy decides whether the role's IAM policies count. */
class RoleKmsAccessTest {
  private static final String KEY_ID = "1234abcd-12ab-34cd-56ef-1234567890ab";
  private static final String KEY = "arn:aws:kms:us-east-1:123456789012:key/" + KEY_ID;
  private static final String OTHER_KEY = "arn:aws:kms:us-east-1:210987654321:key/" + KEY_ID;
  private static final String ROOT = "{\"Sid\":\"Root\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::"
      + "123456789012:root\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
  private static final String ADMIN_ONLY = "{\"Sid\":\"Admin\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:"
      + "iam::123456789012:role/KeyAdmin\"},\"Action\":\"kms:*\",\"Resource\":\"*\"}";
  private static final String ROLE_DIRECT = "{\"Sid\":\"Job\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + ROLE_ARN
      + "\"},\"Action\":[\"kms:GenerateDataKey\",\"kms:Encrypt\",\"kms:Decrypt\",\"kms:CreateGrant\"],\"Resource\":\"*\"}";
  private static final String IAM_KMS = "{\"Sid\":\"Kms\",\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey\","
      + "\"kms:Encrypt\",\"kms:Decrypt\",\"kms:CreateGrant\"],\"Resource\":\"" + KEY + "\"}";

  private final RoleKmsAccess rule = new RoleKmsAccess();

  private static KmsKey key(String arn, String policy) {
    return KmsKey.builder().arn(arn).keyId(KEY_ID).keyState("Enabled").keyManager("CUSTOMER")
        .policy(Optional.ofNullable(policy)).build();
  }

  private static NetworkSnapshot network(IamRole role, KmsKey... keys) {
    NetworkSnapshot.Builder b = RoleFixtures.network(role);
    for (KmsKey k : keys) {
      b.putKmsKey(k.arn(), k);
    }
    return b.build();
  }

  private List<Finding> output(IamRole role, String keyRef, KmsKey... keys) {
    return rule.evaluate(context(job().outputKmsKeyId(keyRef).build(), network(role, keys)));
  }

  private static Finding only(List<Finding> f) {
    assertThat(f).hasSize(1);
    return f.get(0);
  }

  @Test
  void aKeyPolicyNamingTheAccountLetsTheRolesIamPolicyDecide() {
    assertThat(only(output(role(TRUST_SAGEMAKER, doc(IAM_KMS)).build(), KEY, key(KEY, doc(ROOT)))).outcome())
        .isEqualTo(Outcome.PASS);
    Finding f = only(output(role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
        .build(), KEY, key(KEY, doc(ROOT))));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("kms:GenerateDataKey").contains("OutputDataConfig.KmsKeyId")
        .contains("lets the account's IAM policies count, but they do not allow it");
    assertThat(f.remediation().orElseThrow()).contains("vpctrain-sagemaker-kms").contains("\"kms:GenerateDataKey\"")
        .contains(KEY).doesNotContain("put-key-policy");
  }

  @Test
  void withoutTheAccountInTheKeyPolicyTheRolesIamPolicyDoesNotCount() {
    Finding f = only(output(role(TRUST_SAGEMAKER, doc(IAM_KMS)).build(), KEY, key(KEY, doc(ADMIN_ONLY))));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("allows neither the role nor its account");
    assertThat(f.remediation().orElseThrow()).contains("put-key-policy").contains("arn:aws:iam::123456789012:root")
        .contains("\"Action\": \"kms:GenerateDataKey\"").doesNotContain("kms:*");
  }

  @Test
  void aKeyPolicyNamingTheRoleAllowsWithoutAnIamPolicy() {
    assertThat(only(output(role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
        .build(), KEY, key(KEY, doc(ADMIN_ONLY, ROLE_DIRECT)))).outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void aKeyPolicyNamingTheRoleIsUndecidedUnderABoundaryThatDoesNotAllowIt() {
    String boundaryArn = "arn:aws:iam::123456789012:policy/Boundary";
    IamRole r = role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
        .permissionsBoundaryArn(boundaryArn).build();
    NetworkSnapshot n = dev.vpctrain.core.rules.ShapeFixtures.network().iam(IamEvidence.builder().addRole(r)
        .addPolicy(ManagedPolicy.builder().arn(boundaryArn).document(doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
            + "\"Resource\":\"*\"}")).build()).build()).putKmsKey(KEY, key(KEY, doc(ROLE_DIRECT))).build();
    List<Finding> f = rule.evaluate(context(job().outputKmsKeyId(KEY).build(), n));
    assertThat(only(f).outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(only(f).message()).contains("boundary");
  }

  @Test
  void aDenyInTheKeyPolicyDenies() {
    String deny = "{\"Sid\":\"NoDataKeys\",\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"kms:GenerateDataKey*\","
        + "\"Resource\":\"*\"}";
    Finding f = only(output(role(TRUST_SAGEMAKER, doc(IAM_KMS)).build(), KEY, key(KEY, doc(ROOT, deny))));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("explicitly denied by statement \"NoDataKeys\"");
    assertThat(f.remediation().orElseThrow()).startsWith("Change the Deny");
  }

  @Test
  void aKeyInAnotherAccountNeedsTheRolesOwnPolicyToo() {
    String otherRoot = "{\"Sid\":\"Partner\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
        + "\"Action\":\"kms:*\",\"Resource\":\"*\"}";
    Finding f = only(output(role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}"))
        .build(), OTHER_KEY, key(OTHER_KEY, doc(otherRoot))));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    String onOther = "{\"Effect\":\"Allow\",\"Action\":\"kms:GenerateDataKey\",\"Resource\":\"" + OTHER_KEY + "\"}";
    assertThat(only(output(role(TRUST_SAGEMAKER, doc(onOther)).build(), OTHER_KEY, key(OTHER_KEY, doc(otherRoot))))
        .outcome()).isEqualTo(Outcome.PASS);
  }

  @Test
  void anUncapturedKeyOrKeyPolicyIsUnverified() {
    Finding f = only(output(role(TRUST_SAGEMAKER, doc(IAM_KMS)).build(), KEY));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("not in the bundle's kms section");
    f = only(output(role(TRUST_SAGEMAKER, doc(IAM_KMS)).build(), KEY, key(KEY, null)));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("kms:GetKeyPolicy was not captured");
  }

  @Test
  void anAliasNeedsListAliases() {
    IamRole r = role(TRUST_SAGEMAKER, doc(IAM_KMS)).build();
    Finding f = only(output(r, "alias/ml-output", key(KEY, doc(ROOT))));
    assertThat(f.outcome()).isEqualTo(Outcome.UNVERIFIED);
    assertThat(f.message()).contains("kms.ListAliases");
    NetworkSnapshot n = network(r, key(KEY, doc(ROOT))).withKmsAliases(List.of(KmsAlias.builder()
        .aliasName("alias/ml-output").targetKeyId(KEY_ID).build()));
    assertThat(only(rule.evaluate(context(job().outputKmsKeyId("arn:aws:kms:us-east-1:123456789012:alias/ml-output")
        .build(), n))).outcome()).isEqualTo(Outcome.PASS);
    NetworkSnapshot none = network(r, key(KEY, doc(ROOT))).withKmsAliases(List.of());
    assertThat(only(rule.evaluate(context(job().outputKmsKeyId("alias/ml-output").build(), none))).message())
        .contains("not among the bundle's aliases");
  }

  @Test
  void theS3ViaServiceConditionIsDecidedAndTheVolumeGrantsIsLeftToRolePolicyUndecidable() {
    String viaS3 = "{\"Sid\":\"ViaS3\",\"Effect\":\"Allow\",\"Action\":[\"kms:GenerateDataKey\",\"kms:CreateGrant\"],"
        + "\"Resource\":\"" + KEY + "\",\"Condition\":{\"StringEquals\":{\"kms:ViaService\":\"s3.us-east-1.amazonaws.com\"}}}";
    IamRole r = role(TRUST_SAGEMAKER, doc(viaS3)).build();
    assertThat(only(output(r, KEY, key(KEY, doc(ROOT)))).outcome()).isEqualTo(Outcome.PASS);
    TrainingJobSpec withVolume = job().volumeKmsKeyId(KEY).build();
    RuleContext ctx = context(withVolume, network(r, key(KEY, doc(ROOT))));
    Finding f = only(rule.evaluate(ctx));
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("role.policy.undecidable");
    assertThat(RoleKmsAccess.checks(ctx)).singleElement().satisfies(c -> {
      assertThat(c.action()).isEqualTo("kms:CreateGrant");
      assertThat(c.isUndecidable()).isTrue();
      assertThat(c.decision().unknownKeys()).contains("kms:ViaService");
    });
  }

  @Test
  void onlyEncryptMissingIsANoteNotAFailure() {
    String dataKeyOnly = "{\"Effect\":\"Allow\",\"Action\":\"kms:GenerateDataKey\",\"Resource\":\"" + KEY + "\"}";
    Finding f = only(output(role(TRUST_SAGEMAKER, doc(dataKeyOnly)).build(), KEY, key(KEY, doc(ROOT))));
    assertThat(f.outcome()).isEqualTo(Outcome.PASS);
    assertThat(f.message()).contains("Note: kms:Encrypt").contains("kms:Decrypt");
  }

  @Test
  void anInputBucketEncryptedWithAwsKmsNeedsDecrypt() {
    IamRole r = role(TRUST_SAGEMAKER, doc("{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}")).build();
    NetworkSnapshot n = network(r, key(KEY, doc(ROOT))).withBuckets(java.util.Map.of("acme-ml-data", BucketFacts
        .builder().bucket("acme-ml-data").region("us-east-1").defaultEncryption("aws:kms").defaultEncryptionKeyId(KEY)
        .build()));
    Finding f = only(rule.evaluate(context(job().build(), n)));
    assertThat(f.outcome()).isEqualTo(Outcome.FAIL);
    assertThat(f.message()).contains("kms:Decrypt").contains("input bucket acme-ml-data");
  }

  @Test
  void aJobWithoutKeysPasses() {
    assertThat(only(rule.evaluate(context(job().build(), network(role(TRUST_SAGEMAKER).build())))).outcome())
        .isEqualTo(Outcome.PASS);
  }
}
