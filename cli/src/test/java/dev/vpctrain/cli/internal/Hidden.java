package dev.vpctrain.cli.internal;

/** An implementation type, for {@code ApiSurfaceTest} to show that its rule catches a leak. */
public final class Hidden {}
