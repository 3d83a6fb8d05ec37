package dev.vpctrain.core.report;

/** How bad a failing check is: each rule's severity is listed in docs/rules/README.md. */
public enum Severity {
  /** The job will fail, hang, or be rejected. */
  ERROR,
  /** It may fail, or it works today by luck. */
  WARNING,
  /** A hardening step the AWS guide recommends. */
  INFO
}
