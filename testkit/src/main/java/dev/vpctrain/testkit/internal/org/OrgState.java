package dev.vpctrain.testkit.internal.org;

import java.util.List;
import java.util.Set;

/**
 * What the fake STS and Organizations answer from: the organisation's accounts, the role an audit assumes, and the
 * accounts whose role cannot be assumed. Implemented by {@code FakeOrganization}. Internal to the testkit.
 */
public interface OrgState {
  /** {@return the management account, the caller of AssumeRole and ListAccounts} */
  String managementAccount();

  /** {@return the member accounts, in the order they joined} */
  List<String> accounts();

  /** {@return the role that can be assumed in every account} */
  String roleName();

  /** {@return the accounts where AssumeRole is refused} */
  Set<String> denied();
}
