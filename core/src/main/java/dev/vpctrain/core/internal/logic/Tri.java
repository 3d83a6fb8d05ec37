package dev.vpctrain.core.internal.logic;

/** A three-valued answer: yes, no, or not decidable from what is known (the one three-valued type of core). */
public enum Tri {
  YES,
  NO,
  UNKNOWN;

  /** {@link #YES} or {@link #NO}. */
  public static Tri of(boolean value) {
    return value ? YES : NO;
  }

  /** Kleene conjunction: NO wins, then UNKNOWN. */
  public Tri and(Tri other) {
    if (this == NO || other == NO) {
      return NO;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return YES;
  }

  /** Kleene disjunction: YES wins, then UNKNOWN. */
  public Tri or(Tri other) {
    if (this == YES || other == YES) {
      return YES;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return NO;
  }

  public Tri not() {
    return this == YES ? NO : this == NO ? YES : UNKNOWN;
  }

  public boolean isYes() {
    return this == YES;
  }

  public boolean isNo() {
    return this == NO;
  }

  public boolean isUnknown() {
    return this == UNKNOWN;
  }
}
