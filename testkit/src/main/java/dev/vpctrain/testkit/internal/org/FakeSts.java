package dev.vpctrain.testkit.internal.org;

import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsServiceClientConfiguration;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * The fake STS of a {@code FakeOrganization}: {@code AssumeRole} into a member account's audit role gives session
 * credentials whose access key id names the account ({@code ASIA<account>FAKE}); an unknown account, another role
 * name or a denied account is STS's {@code AccessDenied}. Public for the client proxy only.
 */
@FakeClientOf(value = StsClient.class, name = "FakeStsClient")
public final class FakeSts {
  private static final ServiceErrors ERRORS = new ServiceErrors("Sts", StsException::builder, Map.of());
  private static final Pattern ROLE = Pattern.compile("arn:aws[a-z-]*:iam::(\\d{12}):role/(.+)");

  private final World world;
  private final OrgState org;

  private FakeSts(World world, OrgState org) {
    this.world = world;
    this.org = org;
  }

  /** An {@code StsClient} of the management account, over {@code world} (its call log and faults). */
  public static StsClient client(World world, OrgState org) {
    return new FakeStsClient(new ClientDispatch("sts", "sts", new FakeSts(world, org), world, ERRORS, "x-amzn-RequestId"));
  }

  /** {@return the account of credentials the fake STS issued; null for others} */
  public static String accountOf(String accessKeyId) {
    return accessKeyId != null && accessKeyId.length() == 20 && accessKeyId.startsWith("ASIA")
        && accessKeyId.endsWith("FAKE") ? accessKeyId.substring(4, 16) : null;
  }

  public StsServiceClientConfiguration serviceClientConfiguration() {
    return StsServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public AssumeRoleResponse assumeRole(AssumeRoleRequest r) {
    Matcher m = ROLE.matcher(r.roleArn() == null ? "" : r.roleArn());
    if (!m.matches() || !org.accounts().contains(m.group(1)) || !org.roleName().equals(m.group(2))
        || org.denied().contains(m.group(1))) {
      throw new AwsError("AccessDenied", "User: arn:aws:iam::" + org.managementAccount() + ":user/auditor is not "
          + "authorized to perform: sts:AssumeRole on resource: " + r.roleArn(), 403);
    }
    String account = m.group(1);
    return AssumeRoleResponse.builder()
        .credentials(c -> c.accessKeyId("ASIA" + account + "FAKE").secretAccessKey("fake-secret")
            .sessionToken("fake-session-" + account).expiration(world.clock().instant().plus(Duration.ofHours(1))))
        .assumedRoleUser(u -> u.assumedRoleId("AROAFAKE" + account + ":" + r.roleSessionName())
            .arn("arn:aws:sts::" + account + ":assumed-role/" + m.group(2) + "/" + r.roleSessionName()))
        .build();
  }

  public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest r) {
    return GetCallerIdentityResponse.builder().account(org.managementAccount())
        .arn("arn:aws:iam::" + org.managementAccount() + ":user/auditor").userId("AIDAFAKE").build();
  }
}
