package dev.vpctrain.aws.audit;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * How an audit gets its SDK clients; you build them (HTTP client, retries, endpoints stay yours). The auditor's own
 * credentials serve {@link #sts()} and {@link #organizations()}; {@link #region} builds one account-region's clients
 * with the credentials of the assumed role. Use the adaptive retry mode ({@code RetryMode.ADAPTIVE_V2}) so that each
 * account's clients slow down when AWS throttles them.
 */
public interface AuditClients {
  /** {@return the STS client of the auditor's credentials, for {@code sts:AssumeRole} into each account} */
  StsClient sts();

  /**
   * {@return the Organizations client of the auditor's credentials, for {@code organizations:ListAccounts}}
   *
   * @throws UnsupportedOperationException unless you implement it (needed only for {@code organization(true)})
   */
  default OrganizationsClient organizations() {
    throw new UnsupportedOperationException("Auditing the organisation needs AuditClients.organizations()");
  }

  /**
   * {@return new clients for one account and region; the audit closes them when it is done with the region}
   *
   * @param credentials the assumed role's credentials
   * @param region the region
   * @param interceptor add it to every client: it counts calls, retries and throttles for the progress and summary
   */
  RegionClients region(AwsCredentialsProvider credentials, String region, ExecutionInterceptor interceptor);
}
