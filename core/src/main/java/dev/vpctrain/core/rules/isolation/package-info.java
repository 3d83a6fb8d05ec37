/** Rules on network isolation. */
package dev.vpctrain.core.rules.isolation;
