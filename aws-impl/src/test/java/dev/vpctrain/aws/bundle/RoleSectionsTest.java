package dev.vpctrain.aws.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vpctrain.core.InvalidInputException;
import dev.vpctrain.core.iam.IamEvidence;
import dev.vpctrain.core.iam.IamRole;
import dev.vpctrain.core.iam.InlinePolicy;
import dev.vpctrain.core.iam.KmsKey;
import dev.vpctrain.core.network.BucketFacts;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.core.network.Tag;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * formats.md §2a, the role's sections: {@code iam} in both forms (account-wide
 * {@code GetAccountAuthorizationDetails} as the AWS CLI prints it, and the scoped get-role form with
 * URL-encoded documents as the IAM API returns them) read to the same model, {@code kms},
 * {@code organizations} and {@code GetBucketEncryption}, written back and read again the same,
 * {@code errors} making parts unknown, malformed input rejected naming the JSON path.
 */
class RoleSectionsTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String FILE = "role.json";
  private static final String ACCOUNT = "111122223333";
  private static final String ROLE = "arn:aws:iam::" + ACCOUNT + ":role/service-role/SageMakerExecution";
  private static final String VPC_POLICY = "arn:aws:iam::" + ACCOUNT + ":policy/SageMakerVpc";
  private static final String BOUNDARY = "arn:aws:iam::" + ACCOUNT + ":policy/MlBoundary";
  private static final String KEY = "arn:aws:kms:us-west-2:" + ACCOUNT + ":key/1234abcd-12ab-34cd-56ef-1234567890ab";

  static ObjectNode bundle(String name) {
    try (InputStream in = RoleSectionsTest.class.getResourceAsStream("/bundles/" + name)) {
      return (ObjectNode) MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static NetworkSnapshot read(String name, Consumer<ObjectNode> change) {
    ObjectNode b = bundle(name);
    change.accept(b);
    return SnapshotBundle.parse(b.toPrettyString(), FILE);
  }

  private static InvalidInputException rejected(String name, Consumer<ObjectNode> change) {
    Throwable t = catchThrowable(() -> read(name, change));
    assertThat(t).isInstanceOf(InvalidInputException.class);
    InvalidInputException e = (InvalidInputException) t;
    assertThat(e.file()).isEqualTo(FILE);
    return e;
  }

  private static ObjectNode at(JsonNode b, String path) {
    JsonNode n = b;
    for (String part : path.split("/")) {
      n = part.matches("\\d+") ? n.get(Integer.parseInt(part)) : n.get(part);
    }
    return (ObjectNode) n;
  }

  private static IamRole role(NetworkSnapshot s) {
    return s.iam().orElseThrow().role("SageMakerExecution").orElseThrow();
  }

  @Test
  void readsTheAccountWideListingAsTheCliPrintsIt() {
    NetworkSnapshot s = read("role-evidence.json", b -> { });
    IamEvidence iam = s.iam().orElseThrow();
    assertThat(iam.isComplete()).isTrue();
    assertThat(iam.accountId()).contains(ACCOUNT);
    assertThat(iam.roles()).extracting(IamRole::roleName).containsExactly("SageMakerExecution", "Ec2Role");
    IamRole r = role(s);
    assertThat(r.arn()).isEqualTo(ROLE);
    assertThat(r.trustPolicy().orElseThrow()).contains("\"sagemaker.amazonaws.com\"");
    assertThat(r.inlinePolicies().orElseThrow()).extracting(InlinePolicy::policyName).containsExactly("DataAccess");
    assertThat(r.attachedPolicyArns()).contains(List.of(VPC_POLICY));
    assertThat(r.permissionsBoundaryArn()).contains(BOUNDARY);
    assertThat(r.tags()).containsExactly(Tag.of("team", "ml"));
    // only the default version counts
    assertThat(iam.policy(VPC_POLICY).orElseThrow().document().orElseThrow()).contains("ec2:CreateNetworkInterface")
        .doesNotContain("ec2:Describe*");
    assertThat(iam.isKnownAbsent("Missing")).isTrue();
  }

  @Test
  void theScopedFormWithUrlEncodedDocumentsReadsTheSameRole() {
    NetworkSnapshot gaad = read("role-evidence.json", b -> { });
    NetworkSnapshot scoped = read("role-evidence-scoped.json", b -> { });
    assertThat(scoped.iam().orElseThrow().isComplete()).isFalse();
    assertThat(scoped.iam().orElseThrow().isKnownAbsent("Missing")).isFalse();
    assertThat(role(scoped)).isEqualTo(role(gaad));
    for (String arn : List.of(VPC_POLICY, BOUNDARY)) {
      assertThat(scoped.iam().orElseThrow().policy(arn).orElseThrow().document())
          .isEqualTo(gaad.iam().orElseThrow().policy(arn).orElseThrow().document());
    }
  }

  @Test
  void aStringOfPlainJsonAndAnObjectReadAlike() {
    NetworkSnapshot plain = read("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/GetRole/Role")
        .put("AssumeRolePolicyDocument", role(read("role-evidence.json", x -> { })).trustPolicy().orElseThrow()));
    assertThat(role(plain).trustPolicy()).isEqualTo(role(read("role-evidence.json", x -> { })).trustPolicy());
  }

  @Test
  void writesBothFormsBackAsTheyRead() {
    for (String name : List.of("role-evidence.json", "role-evidence-scoped.json")) {
      NetworkSnapshot s = read(name, b -> { });
      String written = SnapshotBundle.write(s);
      NetworkSnapshot again = SnapshotBundle.parse(written, "written.json");
      assertThat(again.iam()).isEqualTo(s.iam());
      assertThat(again.kmsKeys()).isEqualTo(s.kmsKeys());
      assertThat(again.kmsAliases()).isEqualTo(s.kmsAliases());
      assertThat(again.organizationPolicies()).isEqualTo(s.organizationPolicies());
      assertThat(again.buckets()).isEqualTo(s.buckets());
      assertThat(SnapshotBundle.write(again)).isEqualTo(written);
    }
    // documents are written as objects, as the CLI prints them
    JsonNode w = readTree(SnapshotBundle.write(read("role-evidence-scoped.json", b -> { })));
    assertThat(w.at("/iam/roles/SageMakerExecution/GetRole/Role/AssumeRolePolicyDocument").isObject()).isTrue();
  }

  private static JsonNode readTree(String s) {
    try {
      return MAPPER.readTree(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsKeysAliasesOrganisationPoliciesAndBucketEncryption() {
    NetworkSnapshot s = read("role-evidence.json", b -> { });
    KmsKey k = s.kmsKeys().get(KEY);
    assertThat(k.keyState()).contains("Enabled");
    assertThat(k.policy().orElseThrow()).contains("arn:aws:iam::" + ACCOUNT + ":root");
    assertThat(s.kmsAliases().orElseThrow()).singleElement()
        .satisfies(a -> assertThat(a.targetKeyId()).contains("1234abcd-12ab-34cd-56ef-1234567890ab"));
    assertThat(s.organizationPolicies().orElseThrow()).singleElement().satisfies(p -> {
      assertThat(p.type()).isEqualTo("SERVICE_CONTROL_POLICY");
      assertThat(p.content()).contains("aws:RequestedRegion");
    });
    BucketFacts f = s.buckets().get("amzn-s3-demo-bucket");
    assertThat(f.defaultEncryption()).contains("aws:kms");
    assertThat(f.defaultEncryptionKeyId()).contains(KEY);
  }

  @Test
  void errorsMakeTheirPartsUnknown() {
    NetworkSnapshot s = read("role-evidence.json", b -> {
      ArrayNode e = (ArrayNode) b.get("errors");
      e.addObject().put("operation", "iam:GetPolicyVersion").put("code", "AccessDenied").put("message", "denied")
          .put("resource", VPC_POLICY);
      e.addObject().put("operation", "kms:GetKeyPolicy").put("code", "AccessDeniedException").put("message", "denied")
          .put("resource", KEY);
      e.addObject().put("operation", "s3:GetBucketEncryption").put("code", "AccessDenied").put("message", "denied")
          .put("resource", "amzn-s3-demo-bucket");
    });
    assertThat(s.iam().orElseThrow().policy(VPC_POLICY).orElseThrow().document()).isEmpty();
    assertThat(s.iam().orElseThrow().policy(BOUNDARY).orElseThrow().document()).isPresent();
    assertThat(s.kmsKeys().get(KEY).policy()).isEmpty();
    assertThat(s.buckets().get("amzn-s3-demo-bucket").defaultEncryption()).isEmpty();
    NetworkSnapshot listed = read("role-evidence-scoped.json", b -> ((ArrayNode) b.get("errors")).addObject()
        .put("operation", "iam:ListAttachedRolePolicies").put("code", "AccessDenied").put("message", "denied")
        .put("resource", "SageMakerExecution"));
    assertThat(role(listed).attachedPolicyArns()).isEmpty();
    assertThat(role(listed).inlinePolicies()).isPresent();
  }

  @Test
  void rejectsMalformedDocumentsNamingThePath() {
    InvalidInputException e = rejected("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/GetRole/Role")
        .put("AssumeRolePolicyDocument", "%7B%22Version%ZZ"));
    assertThat(e.jsonPath()).isEqualTo("iam.roles.SageMakerExecution.GetRole.Role.AssumeRolePolicyDocument");
    assertThat(e.expectation()).contains("percent escape");
    e = rejected("role-evidence.json", b -> at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0/RolePolicyList/0")
        .put("PolicyDocument", 42));
    assertThat(e.jsonPath()).isEqualTo("iam.GetAccountAuthorizationDetails.RoleDetailList[0].RolePolicyList[0].PolicyDocument");
    e = rejected("role-evidence.json", b -> at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0/RolePolicyList/0")
        .put("PolicyDocument", "[1, 2]"));
    assertThat(e.expectation()).contains("JSON object");
  }

  @Test
  void rejectsBadArnsAmbiguityAndWrongPolicyTypes() {
    assertThat(rejected("role-evidence.json", b -> at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0")
        .put("Arn", "arn:aws:iam::1111:role/X")).jsonPath())
        .isEqualTo("iam.GetAccountAuthorizationDetails.RoleDetailList[0].Arn");
    assertThat(rejected("role-evidence.json", b -> ((ObjectNode) b.get("iam"))
        .set("roles", bundle("role-evidence-scoped.json").get("iam").get("roles"))).expectation())
        .contains("ambiguous");
    assertThat(rejected("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/ListRolePolicies")
        .putArray("PolicyNames").add("Other")).expectation()).contains("ListRolePolicies lists");
    assertThat(rejected("role-evidence.json", b -> at(b, "organizations/DescribePolicy/0/Policy/PolicySummary")
        .put("Type", "TAG_POLICY")).jsonPath()).isEqualTo("organizations.DescribePolicy[0].Policy.PolicySummary.Type");
    assertThat(rejected("role-evidence.json", b -> at(b, "kms/ListAliases/Aliases/0").put("AliasName", "training"))
        .jsonPath()).isEqualTo("kms.ListAliases.Aliases[0].AliasName");
  }

  @Test
  void aTruncatedListingIsIncompleteAndUnknownValuesAreKept() {
    NetworkSnapshot s = read("role-evidence.json", b -> {
      at(b, "iam/GetAccountAuthorizationDetails").put("IsTruncated", true).put("Marker", "AAAAAQAAAAEXAMPLE");
    });
    assertThat(s.iam().orElseThrow().isComplete()).isFalse();
    assertThat(s.iam().orElseThrow().isKnownAbsent("Missing")).isFalse();
    NetworkSnapshot odd = read("role-evidence.json", b -> ((ObjectNode) b.at("/kms/keys").get(KEY).at("/DescribeKey/KeyMetadata"))
        .put("KeyState", "PendingReplicaDeletion"));
    assertThat(odd.kmsKeys().get(KEY).keyState()).contains("PendingReplicaDeletion");
  }

  @Test
  void aBundleWithoutTheSectionsHasNone() {
    NetworkSnapshot s = read("role-evidence.json", b -> {
      b.remove("iam");
      b.remove("kms");
      b.remove("organizations");
    });
    assertThat(s.iam()).isEmpty();
    assertThat(s.kmsAliases()).isEmpty();
    assertThat(s.organizationPolicies()).isEqualTo(Optional.empty());
  }

  @Test
  void timestampsAreReadAsEpochSecondsOrIsoAndOthersAreRejectedNamingThePath() {
    NetworkSnapshot iso = read("role-evidence.json", b -> { });
    NetworkSnapshot epoch = read("role-evidence.json", b -> {
      at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0").put("CreateDate", 1707856354);
      at(b, "iam/GetAccountAuthorizationDetails/Policies/0/PolicyVersionList/0").put("CreateDate", 1707856800.5);
    });
    assertThat(epoch.iam()).isEqualTo(iso.iam());
    NetworkSnapshot zulu = read("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/GetRole/Role")
        .put("CreateDate", "2024-02-13T20:32:34Z"));
    assertThat(role(zulu)).isEqualTo(role(iso));
    InvalidInputException e = rejected("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/GetRole/Role")
        .put("CreateDate", "yesterday"));
    assertThat(e.jsonPath()).isEqualTo("iam.roles.SageMakerExecution.GetRole.Role.CreateDate");
  }

  @Test
  void aUrlEncodedDocumentInTheAccountWideListingReadsAsTheObject() {
    NetworkSnapshot scoped = read("role-evidence-scoped.json", b -> { });
    String encoded = at(bundle("role-evidence-scoped.json"), "iam/roles/SageMakerExecution/GetRole/Role")
        .get("AssumeRolePolicyDocument").textValue();
    NetworkSnapshot s = read("role-evidence.json", b -> at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0")
        .put("AssumeRolePolicyDocument", encoded));
    assertThat(role(s).trustPolicy()).isEqualTo(role(scoped).trustPolicy());
  }

  @Test
  void wronglyTypedMembersOfTheSdkShapesAreRejectedNamingThePath() {
    assertThat(rejected("role-evidence.json", b -> at(b, "iam/GetAccountAuthorizationDetails").put("IsTruncated", "no"))
        .jsonPath()).isEqualTo("iam.GetAccountAuthorizationDetails.IsTruncated");
    assertThat(rejected("role-evidence-scoped.json", b -> at(b, "iam/roles/SageMakerExecution/GetRole/Role")
        .put("MaxSessionDuration", "long")).jsonPath()).isEqualTo("iam.roles.SageMakerExecution.GetRole.Role.MaxSessionDuration");
    assertThat(rejected("role-evidence.json", b -> ((ObjectNode) b.at("/kms/keys").get(KEY).at("/DescribeKey/KeyMetadata"))
        .put("Enabled", "yes")).jsonPath()).isEqualTo("kms.keys." + KEY + ".DescribeKey.KeyMetadata.Enabled");
  }

  @Test
  void unknownKeyManagersAndBoundaryTypesAreKept() {
    NetworkSnapshot s = read("role-evidence.json", b -> {
      ((ObjectNode) b.at("/kms/keys").get(KEY).at("/DescribeKey/KeyMetadata")).put("KeyManager", "PARTNER");
      at(b, "iam/GetAccountAuthorizationDetails/RoleDetailList/0/PermissionsBoundary").put("PermissionsBoundaryType", "Other");
    });
    assertThat(s.kmsKeys().get(KEY).keyManager()).contains("PARTNER");
    assertThat(role(s).permissionsBoundaryArn()).contains(BOUNDARY);
    String written = SnapshotBundle.write(s);
    assertThat(SnapshotBundle.parse(written, "written.json").kmsKeys()).isEqualTo(s.kmsKeys());
  }
}
