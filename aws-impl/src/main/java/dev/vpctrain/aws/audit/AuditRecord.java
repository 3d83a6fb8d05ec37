package dev.vpctrain.aws.audit;

/** One line of an audit's output: an {@link AuditedJob} or an {@link AuditGap}. */
public interface AuditRecord {
  /** {@return the 12-digit account id the record is about} */
  String accountId();
}
