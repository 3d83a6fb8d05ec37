package dev.vpctrain.core.internal.rules.vpc;

import dev.vpctrain.core.job.VpcSpec;
import dev.vpctrain.core.internal.logic.Tri;
import dev.vpctrain.core.network.Cidr;
import dev.vpctrain.core.network.DhcpOptions;
import dev.vpctrain.core.network.Section;
import dev.vpctrain.core.network.Vpc;
import dev.vpctrain.core.internal.reach.JobPeers;
import dev.vpctrain.core.report.Finding;
import dev.vpctrain.core.report.Severity;
import dev.vpctrain.core.rules.RuleContext;
import dev.vpctrain.core.internal.rules.subnet.JobSubnets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code vpc.dhcp.dns-unreachable}: the VPC's DHCP option set names custom
 * {@code domain-name-servers}, and a job subnet cannot reach one of them on port 53 — no route
 * (or a blackhole, or an internet gateway: training ENIs have no public IP), or the job security
 * groups' egress or a network ACL (both ways, job side and, when known, server side) blocks it.
 * Every hostname the job needs is resolved through these servers. A server behind a transit
 * gateway, VPN or peering connection is UNVERIFIED naming the hop; a reachable server inside the
 * VPC passes with a note that its forwarding to the VPC resolver is not checked.
 */
public final class VpcDhcpDnsUnreachable extends VpcRule {
  private static final String AMAZON = "AmazonProvidedDNS";
  private static final String AMAZON_DNS_ADDRESS = "169.254.169.253";

  public VpcDhcpDnsUnreachable() {
    super("vpc.dhcp.dns-unreachable", Severity.ERROR, "Every job subnet reaches the VPC's custom DNS servers on port 53");
  }

  @Override
  List<Finding> evaluate(RuleContext ctx, VpcSpec spec) {
    if (JobPeers.subnets(ctx.job()).isEmpty()) {
      return one(unverified("The job names no subnet, so whether it reaches the VPC's DNS servers cannot be checked "
          + "(request.vpc-config.partial reports the request).", null));
    }
    List<String> subnets = JobSubnets.evaluable(ctx);
    if (subnets.isEmpty()) {
      return one(unverified("None of the job's subnets is in the snapshot, so whether they reach the VPC's DNS servers "
          + "cannot be checked (vpc.resource.not-found reports them).", null));
    }
    Optional<String> vpcId = JobVpc.vpcId(ctx);
    if (vpcId.isEmpty()) {
      return one(unverified("The job's VPC is not known: " + JobVpc.whyUnknown(ctx) + ".", null));
    }
    String id = vpcId.get();
    if (!ctx.network().has(Section.VPCS)) {
      return one(unverified("The DHCP options of " + id + " are not known: " + ctx.network().unknownReason(Section.VPCS) + ".",
          null, id));
    }
    Optional<Vpc> vpc = ctx.network().vpc(id);
    if (vpc.isEmpty() || vpc.get().dhcpOptionsId().isEmpty()) {
      return one(unverified("The DHCP option set of " + id + " is not in the snapshot.", null, id));
    }
    String dopt = vpc.get().dhcpOptionsId().get();
    if (dopt.equalsIgnoreCase("default")) {
      return one(pass("VPC " + id + " has no DHCP option set, so instances use the Amazon DNS server "
          + "(vpc.dhcp.incomplete reports the missing set).", id));
    }
    if (!ctx.network().has(Section.DHCP_OPTIONS)) {
      return one(unverified("The DNS servers of DHCP option set " + dopt + " of " + id + " are not known: "
          + ctx.network().unknownReason(Section.DHCP_OPTIONS) + ".", null, id, dopt));
    }
    Optional<DhcpOptions> set = ctx.network().dhcpOptionSet(dopt);
    if (set.isEmpty()) {
      return one(unverified("DHCP option set " + dopt + " of " + id + " is not in the snapshot.", null, id, dopt));
    }
    List<String> custom = customServers(servers(set.get()), vpc.get());
    if (custom.isEmpty()) {
      return one(pass("DHCP option set " + dopt + " of " + id + " names no custom DNS server: instances use the Amazon DNS "
          + "server, which security groups and network ACLs do not filter.", id, dopt));
    }
    List<Finding> out = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String server : custom) {
      if (!Cidr.isIpv4Address(server)) {
        out.add(unverified("DNS server " + server + " of DHCP option set " + dopt + " is not an IPv4 address; only IPv4 "
            + "paths are modelled, so whether the job subnets reach it is unknown.", null, server, dopt, id));
        continue;
      }
      List<DnsServerPath> paths = new ArrayList<>();
      for (String subnet : subnets) {
        paths.add(DnsServerPath.of(ctx, id, subnet, server));
      }
      Finding f = decide(server, dopt, id, paths, notes);
      if (f != null) {
        out.add(f);
      }
    }
    if (out.isEmpty()) {
      return one(pass("Every job subnet reaches the custom DNS server(s) " + String.join(", ", custom) + " of DHCP option set "
          + dopt + " on UDP 53" + (notes.isEmpty() ? "" : "; note: " + String.join("; ", new LinkedHashSet<>(notes))) + ".",
          id, dopt));
    }
    return out;
  }

  /** The FAIL or UNVERIFIED finding for one server, or null when every subnet reaches it (notes collected). */
  private Finding decide(String server, String dopt, String vpcId, List<DnsServerPath> paths, List<String> notes) {
    Map<String, List<String>> failing = new LinkedHashMap<>();
    Map<String, List<String>> unknown = new LinkedHashMap<>();
    Set<String> res = new LinkedHashSet<>();
    Set<String> hops = new LinkedHashSet<>();
    Set<String> fixes = new LinkedHashSet<>();
    res.add(server);
    for (DnsServerPath p : paths) {
      if (p.result == Tri.NO) {
        failing.computeIfAbsent(String.join("; ", p.problems), k -> new ArrayList<>()).add(p.subnet);
        res.add(p.subnet);
        res.addAll(p.resources);
        fixes.addAll(p.fixes);
      } else if (p.result == Tri.UNKNOWN) {
        unknown.computeIfAbsent(String.join("; ", p.unknowns), k -> new ArrayList<>()).add(p.subnet);
        hops.addAll(p.hops);
      } else {
        notes.addAll(p.notes);
        if (p.insideVpc) {
          notes.add("DNS server " + server + " is inside the VPC; whether it forwards the job's queries (S3, endpoints, "
              + "registries) to the VPC resolver is not checked, nor are its own security groups");
        }
      }
    }
    if (!failing.isEmpty()) {
      res.add(dopt);
      res.add(vpcId);
      return fail("DHCP option set " + dopt + " of " + vpcId + " names DNS server " + server + ", which the job cannot "
              + "reach on UDP 53 from " + bySubnets(failing) + ". Every hostname the job needs (S3, "
              + "endpoints, registries) is resolved through it, so the job fails to resolve them.",
          "Open the path: " + String.join("; ", fixes) + ". Or use the Amazon DNS server instead: aws ec2 create-dhcp-options "
              + "--dhcp-configurations \"Key=domain-name,Values=<domain>\" \"Key=domain-name-servers,Values=AmazonProvidedDNS\", "
              + "then aws ec2 associate-dhcp-options --vpc-id " + vpcId + " --dhcp-options-id <the new dopt-… id> "
              + "(forward private domains with Route 53 Resolver rules).",
          res.toArray(new String[0]));
    }
    if (!unknown.isEmpty()) {
      res.addAll(hops);
      unknown.values().forEach(res::addAll);
      res.add(dopt);
      return unverified("Whether the job reaches DNS server " + server + " of DHCP option set " + dopt
              + (hops.isEmpty() ? "" : " (through " + String.join(", ", hops) + ")") + " on UDP 53 cannot be decided from "
              + bySubnets(unknown) + ".",
          "Confirm that " + server + " answers UDP and TCP 53 from the job subnets"
              + (hops.isEmpty() ? "" : " across " + String.join(", ", hops))
              + ", then accept it: --accept-unverified vpc.dhcp.dns-unreachable=" + server + ".",
          res.toArray(new String[0]));
    }
    return null;
  }

  /** {@code subnet-a, subnet-b: reason; from subnet-c: other reason}. */
  private static String bySubnets(Map<String, List<String>> reasons) {
    List<String> parts = new ArrayList<>();
    reasons.forEach((why, subnets) -> parts.add(String.join(", ", subnets) + ": " + why));
    return String.join("; from ", parts);
  }

  /** The values of {@code domain-name-servers}, split on commas and spaces. */
  public static List<String> servers(DhcpOptions set) {
    List<String> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : set.configurations().entrySet()) {
      if (!e.getKey().equalsIgnoreCase("domain-name-servers")) {
        continue;
      }
      for (String v : e.getValue()) {
        for (String part : v.split("[,\\s]+", -1)) {
          if (!part.isBlank() && !out.contains(part)) {
            out.add(part);
          }
        }
      }
    }
    return out;
  }

  /**
   * The servers other than the Amazon DNS server: {@code AmazonProvidedDNS}, 169.254.169.253 and
   * the VPC's primary CIDR base plus two are all the Amazon resolver.
   */
  public static List<String> customServers(List<String> servers, Vpc vpc) {
    String plusTwo = vpc.cidrBlock().flatMap(Cidr::tryParseIpv4).map(c -> Cidr.formatIpv4(c.ipv4Network() + 2)).orElse(null);
    List<String> out = new ArrayList<>();
    for (String s : servers) {
      String v = s.trim();
      if (v.toLowerCase(Locale.ROOT).equals(AMAZON.toLowerCase(Locale.ROOT)) || v.equals(AMAZON_DNS_ADDRESS) || v.equals(plusTwo)) {
        continue;
      }
      out.add(v);
    }
    return out;
  }
}
