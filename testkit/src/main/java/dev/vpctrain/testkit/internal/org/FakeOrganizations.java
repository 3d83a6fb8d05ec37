package dev.vpctrain.testkit.internal.org;

import dev.vpctrain.testkit.internal.sdk.AwsError;
import dev.vpctrain.testkit.internal.sdk.ClientDispatch;
import dev.vpctrain.testkit.internal.sdk.FakeClientOf;
import dev.vpctrain.testkit.internal.sdk.Pages;
import dev.vpctrain.testkit.internal.sdk.ServiceErrors;
import dev.vpctrain.testkit.internal.world.World;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.OrganizationsServiceClientConfiguration;
import software.amazon.awssdk.services.organizations.model.Account;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsResponse;
import software.amazon.awssdk.services.organizations.model.OrganizationsException;

/**
 * The fake Organizations of a {@code FakeOrganization}: {@code ListAccounts} pages through the member accounts, 20 at
 * most a page as AWS does. Public for the client proxy only.
 */
@FakeClientOf(value = OrganizationsClient.class, name = "FakeOrganizationsClient")
public final class FakeOrganizations {
  private static final ServiceErrors ERRORS = new ServiceErrors("Organizations", OrganizationsException::builder,
      Map.of());

  private final World world;
  private final OrgState org;

  private FakeOrganizations(World world, OrgState org) {
    this.world = world;
    this.org = org;
  }

  /** An {@code OrganizationsClient} of the management account, over {@code world}. */
  public static OrganizationsClient client(World world, OrgState org) {
    return new FakeOrganizationsClient(new ClientDispatch("organizations", "organizations",
        new FakeOrganizations(world, org), world, ERRORS, "x-amzn-RequestId"));
  }

  public OrganizationsServiceClientConfiguration serviceClientConfiguration() {
    return OrganizationsServiceClientConfiguration.builder().region(Region.of(world.region())).build();
  }

  public ListAccountsResponse listAccounts(ListAccountsRequest r) {
    int max = r.maxResults() == null ? 20 : r.maxResults();
    if (max < 1 || max > 20) {
      throw new AwsError("InvalidInputException", "MaxResults is between 1 and 20.", 400);
    }
    List<Account> all = org.accounts().stream().map(id -> Account.builder().id(id)
        .arn("arn:aws:organizations::" + org.managementAccount() + ":account/o-fake/" + id)
        .name("account-" + id).email("aws+" + id + "@example.com").status("ACTIVE").joinedMethod("CREATED")
        .joinedTimestamp(world.clock().instant()).build()).toList();
    Pages.Page<Account> page = Pages.slice(all, max, r.nextToken(), "accounts",
        t -> new AwsError("InvalidInputException", "The NextToken is not valid.", 400));
    return ListAccountsResponse.builder().accounts(page.items()).nextToken(page.nextToken()).build();
  }
}
