package dev.vpctrain.testkit;

import dev.vpctrain.aws.VpcTrain;
import dev.vpctrain.aws.audit.AuditClients;
import dev.vpctrain.aws.audit.AuditOptions;
import dev.vpctrain.aws.audit.RegionClients;
import dev.vpctrain.core.network.NetworkSnapshot;
import dev.vpctrain.testkit.internal.org.FakeOrganizations;
import dev.vpctrain.testkit.internal.org.FakeSts;
import dev.vpctrain.testkit.internal.org.OrgState;
import dev.vpctrain.testkit.network.NetworkBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Several accounts in one fake world, for testing your own audits ({@code VpcTrain.audit}) without AWS: each
 * account-region is a {@link FakeAws} of its own (its network, its SageMaker jobs), the management account has a fake
 * STS ({@code AssumeRole} into each account's audit role) and a fake Organizations ({@code ListAccounts}), and
 * {@link #auditClients()} hands the audit the account-region clients the assumed credentials belong to.
 *
 * <pre>{@code
 * FakeOrganization org = FakeOrganization.create();
 * org.account("111122223333", "us-east-1", Scenarios.readyPrivateEndpoints().network())
 *     .sageMakerClient().createTrainingJob(request);
 * org.denyAssumeRole("444455556666");
 * try (Stream<AuditRecord> records = org.vpcTrain().build().audit(options, org.auditClients())) { ... }
 * }</pre>
 *
 * Each account-region keeps its own virtual clock, all starting at the management account's; {@link #advance} moves
 * them together. Simplifications: the fake clients run no execution interceptors, so an audit's call counts stay 0; an account-region
 * never set up is an empty world (no network, no jobs); {@code ec2:DescribeRegions} is not modelled. Not thread-safe
 * while set up; the audit's reads are.
 */
public final class FakeOrganization {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");

  private final String managementAccount;
  private final FakeAws management;
  private final Map<String, FakeAws> worlds = new LinkedHashMap<>();
  private final Set<String> accounts = new LinkedHashSet<>();
  private final Set<String> denied = new LinkedHashSet<>();
  private String roleName = AuditOptions.DEFAULT_ROLE;
  private final StsClient sts;
  private final OrganizationsClient organizations;

  private FakeOrganization(String managementAccount) {
    this.managementAccount = managementAccount;
    this.management = FakeAws.builder()
        .network(NetworkBuilder.create().region("us-east-1").account(managementAccount).build()).build();
    OrgState state = new OrgState() {
      @Override
      public String managementAccount() {
        return FakeOrganization.this.managementAccount;
      }

      @Override
      public List<String> accounts() {
        return List.copyOf(accounts);
      }

      @Override
      public String roleName() {
        return roleName;
      }

      @Override
      public Set<String> denied() {
        return Set.copyOf(denied);
      }
    };
    this.sts = FakeSts.client(management.world(), state);
    this.organizations = FakeOrganizations.client(management.world(), state);
  }

  /** {@return an organisation without member accounts, managed from account {@code 111111111111}} */
  public static FakeOrganization create() {
    return new FakeOrganization("111111111111");
  }

  /**
   * {@return the fake world of one account and region, created empty (no network, no jobs) on first use}
   *
   * @param accountId the 12-digit account id; the account joins the organisation
   * @param region the region, for example {@code us-east-1}
   */
  public FakeAws account(String accountId, String region) {
    requireAccount(accountId);
    return worlds.computeIfAbsent(accountId + "/" + region, k -> {
      accounts.add(accountId);
      return FakeAws.builder().network(NetworkBuilder.create().region(region).account(accountId).build())
          .startingAt(management.clock().instant()).build();
    });
  }

  /**
   * {@return the fake world of one account and region, with {@code network} (its account and region are set to
   * these); replaces a world set up before}
   *
   * @param accountId the 12-digit account id; the account joins the organisation
   * @param region the region
   * @param network the account-region's network, for example a {@link Scenarios} scenario's
   */
  public FakeAws account(String accountId, String region, NetworkSnapshot network) {
    requireAccount(accountId);
    accounts.add(accountId);
    FakeAws world = FakeAws.builder()
        .network(NetworkBuilder.from(network).region(region).account(accountId).build())
        .startingAt(management.clock().instant()).build();
    worlds.put(accountId + "/" + region, world);
    return world;
  }

  /**
   * Sets up one account-region with {@code change}, for example to create jobs.
   *
   * @param accountId the account
   * @param region the region
   * @param change what to do with its world
   * @return this organisation
   */
  public FakeOrganization with(String accountId, String region, Consumer<FakeAws> change) {
    change.accept(account(accountId, region));
    return this;
  }

  /**
   * Advances the virtual clock of every account-region and of the management account (the audit's "now" when it runs
   * on {@link #vpcTrain()}), so jobs run on and the audit sees them as long ago.
   *
   * @param amount how long
   * @return this organisation
   */
  public FakeOrganization advance(java.time.Duration amount) {
    management.clock().advance(amount);
    worlds.values().forEach(w -> w.clock().advance(amount));
    return this;
  }

  /**
   * Makes {@code AssumeRole} into {@code accountId} fail with {@code AccessDenied} (the audit role missing there).
   *
   * @param accountId the account
   * @return this organisation
   */
  public FakeOrganization denyAssumeRole(String accountId) {
    requireAccount(accountId);
    accounts.add(accountId);
    denied.add(accountId);
    return this;
  }

  /**
   * Makes {@code region} an opt-in region that {@code accountId} has not enabled: its SageMaker calls answer
   * {@code UnrecognizedClientException} and its EC2 calls {@code AuthFailure}, as AWS answers session credentials there.
   *
   * @param accountId the account
   * @param region the region
   * @return this organisation
   */
  public FakeOrganization disableRegion(String accountId, String region) {
    FakeAws world = account(accountId, region);
    AwsFault token = AwsFault.serviceError("UnrecognizedClientException", 400,
        "The security token included in the request is invalid.");
    for (String op : List.of("ListTrainingJobs", "ListProcessingJobs", "ListHyperParameterTuningJobs",
        "DescribeTrainingJob", "DescribeProcessingJob", "DescribeHyperParameterTuningJob")) {
      world.sageMaker().failAlways(op, token);
    }
    AwsFault auth = AwsFault.serviceError("AuthFailure", 401, "AWS was not able to validate the provided access credentials");
    world.ec2().operations().forEach(op -> world.ec2().failAlways(op, auth));
    return this;
  }

  /**
   * The role every account's audit role is named (default {@value AuditOptions#DEFAULT_ROLE}); assuming another name
   * is refused.
   *
   * @param name the role name
   * @return this organisation
   */
  public FakeOrganization roleName(String name) {
    this.roleName = Objects.requireNonNull(name, "name");
    return this;
  }

  /** {@return the member accounts, in the order they joined} */
  public List<String> accountIds() {
    return new ArrayList<>(accounts);
  }

  /** {@return the management account's fake STS client} */
  public StsClient stsClient() {
    return sts;
  }

  /** {@return the management account's fake Organizations client} */
  public OrganizationsClient organizationsClient() {
    return organizations;
  }

  /** {@return the management account's world: its clock and the call log of STS and Organizations} */
  public FakeAws management() {
    return management;
  }

  /** {@return the clients an audit of this organisation reads with} */
  public AuditClients auditClients() {
    return new AuditClients() {
      @Override
      public StsClient sts() {
        return sts;
      }

      @Override
      public OrganizationsClient organizations() {
        return organizations;
      }

      @Override
      public RegionClients region(AwsCredentialsProvider credentials, String region, ExecutionInterceptor interceptor) {
        String account = FakeSts.accountOf(credentials.resolveCredentials().accessKeyId());
        if (account == null) {
          throw new IllegalArgumentException("The credentials are not ones the fake STS issued");
        }
        FakeAws world = account(account, region);
        return RegionClients.of(world.sageMakerClient(), world.ec2Client(), world.s3Client());
      }
    };
  }

  /** {@return a VpcTrain builder on the management account's clock, for {@code audit(..)}} */
  public VpcTrain.Builder vpcTrain() {
    return VpcTrain.builder().clock(management.clock());
  }

  private static void requireAccount(String accountId) {
    if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
      throw new IllegalArgumentException("an account id is 12 digits, not '" + accountId + "'");
    }
  }

  @Override
  public String toString() {
    return "FakeOrganization{accounts=" + accounts.size() + ", worlds=" + worlds.size() + "}";
  }
}
