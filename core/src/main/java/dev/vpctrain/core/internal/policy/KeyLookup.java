package dev.vpctrain.core.internal.policy;

/** What a request says of a condition key, by its lower-case name. */
@FunctionalInterface
interface KeyLookup {
  ContextValue valueOf(String lowerKey);
}
