/** Rules on the request's shape, checked without any network data. */
package dev.vpctrain.core.rules.request;
