/**
 * A small, strict JSON parser (RFC 8259) producing an immutable tree whose nodes know their JSON
 * path and line/column, for error messages that point at the faulty member.
 */
package dev.vpctrain.core.json;
