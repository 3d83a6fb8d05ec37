/** Rules on the request's shape, checked without any network data. */
package dev.vpctrain.core.internal.rules.request;
