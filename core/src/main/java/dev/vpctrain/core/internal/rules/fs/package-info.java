/**
 * Rules for file-system input channels (EFS, FSx for Lustre): the request shape, the file system's
 * state and identity, its mount targets or network interfaces, and the way from each job subnet to
 * them (security groups, ACLs, routes, DNS). {@link dev.vpctrain.core.internal.rules.fs.FileSystemChannels}
 * resolves each channel once; every rule here reads it.
 */
package dev.vpctrain.core.internal.rules.fs;
