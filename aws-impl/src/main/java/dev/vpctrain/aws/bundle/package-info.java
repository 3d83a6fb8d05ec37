/**
 * Snapshot bundles: {@link dev.vpctrain.aws.bundle.SnapshotBundle} reads and writes a network snapshot
 * as one JSON document of the AWS CLI's Describe outputs (docs/formats.md, section 2), every section
 * checked against the SDK's shapes.
 */
package dev.vpctrain.aws.bundle;
