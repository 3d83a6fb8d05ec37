package dev.vpctrain.core.internal.reach;

import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.VpcEndpoint;
import java.util.List;
import java.util.Objects;

/**
 * Whether an S3 interface endpoint can carry a job subnet's S3 traffic (rules.md "Path selection"):
 * S3's normal names resolve to it (state {@code available}, private DNS on, the VPC's
 * {@code enableDnsSupport} and {@code enableDnsHostnames} on), its security groups admit TCP 443
 * from the job in the subnet, and the job's security groups let TCP 443 out to it. Immutable.
 */
public final class InterfaceEndpointUse {
  private final VpcEndpoint endpoint;
  private final String subnetId;
  private final Tri dns;
  private final List<String> dnsProblems;
  private final List<String> dnsUnknowns;
  private final Tri ingress;
  private final String ingressDetail;
  private final Tri egress;
  private final String egressDetail;

  InterfaceEndpointUse(VpcEndpoint endpoint, String subnetId, List<String> dnsProblems, List<String> dnsUnknowns,
      Tri ingress, String ingressDetail, Tri egress, String egressDetail) {
    this.endpoint = Objects.requireNonNull(endpoint);
    this.subnetId = Objects.requireNonNull(subnetId);
    this.dnsProblems = List.copyOf(dnsProblems);
    this.dnsUnknowns = List.copyOf(dnsUnknowns);
    this.dns = !this.dnsProblems.isEmpty() ? Tri.NO : !this.dnsUnknowns.isEmpty() ? Tri.UNKNOWN : Tri.YES;
    this.ingress = Objects.requireNonNull(ingress);
    this.ingressDetail = Objects.requireNonNull(ingressDetail);
    this.egress = Objects.requireNonNull(egress);
    this.egressDetail = Objects.requireNonNull(egressDetail);
  }

  public VpcEndpoint endpoint() {
    return endpoint;
  }

  public String endpointId() {
    return endpoint.vpcEndpointId();
  }

  /** The job subnet this answer is for. */
  public String subnetId() {
    return subnetId;
  }

  /** Whether S3's normal names resolve to the endpoint. */
  public Tri dns() {
    return dns;
  }

  /** Why they do not, one clause each (for example {@code its private DNS is off}). */
  public List<String> dnsProblems() {
    return dnsProblems;
  }

  /** What could not be decided about name resolution, one clause each. */
  public List<String> dnsUnknowns() {
    return dnsUnknowns;
  }

  /** Whether the endpoint's security groups admit TCP 443 from the job's instances in the subnet. */
  public Tri ingress() {
    return ingress;
  }

  /** What was found about {@link #ingress()}, a sentence fragment. */
  public String ingressDetail() {
    return ingressDetail;
  }

  /** Whether the job's security groups let TCP 443 out to the endpoint. */
  public Tri egress() {
    return egress;
  }

  /** What was found about {@link #egress()}, a sentence fragment. */
  public String egressDetail() {
    return egressDetail;
  }

  /** Both security-group directions. */
  public Tri securityGroups() {
    return ingress.and(egress);
  }

  /** Every condition: the endpoint counts as an S3 path only when this is YES. */
  public Tri usable() {
    return dns.and(securityGroups());
  }

  /** The security-group problems or unknowns, joined, for messages. */
  public String securityGroupDetail() {
    if (ingress == Tri.YES) {
      return egressDetail;
    }
    if (egress == Tri.YES || (egress == Tri.UNKNOWN && ingress == Tri.NO)) {
      return ingressDetail;
    }
    return ingressDetail + "; " + egressDetail;
  }

  /** The DNS problems (else unknowns), joined, for messages. */
  public String dnsDetail() {
    return String.join(" and ", dns == Tri.NO ? dnsProblems : dnsUnknowns);
  }

  @Override
  public String toString() {
    return endpointId() + "[" + subnetId + " dns=" + dns + " in=" + ingress + " out=" + egress + "]";
  }
}
