/**
 * Builds networks for tests: {@link dev.vpctrain.testkit.network.NetworkBuilder} and its drafts
 * (one per resource type) produce a {@link dev.vpctrain.core.network.NetworkSnapshot} in a few lines.
 */
package dev.vpctrain.testkit.network;
