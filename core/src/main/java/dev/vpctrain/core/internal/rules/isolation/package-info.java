/** Rules on network isolation. */
package dev.vpctrain.core.internal.rules.isolation;
