package dev.vpctrain.core.policy;

/** A three-valued truth: Kleene logic, where UNKNOWN means "depends on a value that cannot be known". */
public enum Tri {
  TRUE,
  FALSE,
  UNKNOWN;

  public static Tri of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public Tri not() {
    switch (this) {
      case TRUE:
        return FALSE;
      case FALSE:
        return TRUE;
      default:
        return UNKNOWN;
    }
  }

  public Tri and(Tri other) {
    if (this == FALSE || other == FALSE) {
      return FALSE;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return TRUE;
  }

  public Tri or(Tri other) {
    if (this == TRUE || other == TRUE) {
      return TRUE;
    }
    if (this == UNKNOWN || other == UNKNOWN) {
      return UNKNOWN;
    }
    return FALSE;
  }
}
