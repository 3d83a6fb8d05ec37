/** Three-valued logic shared by reachability, the policy evaluator and the rules. */
package dev.vpctrain.core.internal.logic;
