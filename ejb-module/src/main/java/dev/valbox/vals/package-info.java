/**
 * Vals, their immutable versions, and who may see them. Every code save creates the next version (0, 1, 2, ...);
 * versions are never rewritten. {@link dev.valbox.vals.control.Visibility} is the one place that decides what a caller
 * may see: a val the caller may not see is "not found", in every endpoint, never "forbidden". A val's schedule is part
 * of it, as its author set it ({@link dev.valbox.vals.entity.Timing}: a 5-field cron expression in UTC or {@code every
 * N minutes|hours}, in whole minutes); it has a next run only while the val is an interval val. The scheduler that
 * runs it is {@code schedules}'.
 */
package dev.valbox.vals;
