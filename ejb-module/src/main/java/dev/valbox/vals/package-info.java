/**
 * Vals, their immutable versions, and who may see them. Every code save creates the next version (0, 1, 2, ...);
 * versions are never rewritten. {@link dev.valbox.vals.control.Visibility} is the one place that decides what a caller
 * may see: a val the caller may not see is "not found", in every endpoint, never "forbidden".
 */
package dev.valbox.vals;
