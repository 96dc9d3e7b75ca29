/**
 * Interval vals' schedules and the scheduler that runs them. A schedule is a 5-field cron expression in UTC or
 * {@code every N minutes|hours}; it ticks in whole minutes, and only while its val is an interval val. Each tick runs
 * exactly once across every instance sharing the database: a scheduler runs a val only after winning the tick with a
 * conditional update of its row. A missed tick is not replayed: the val runs once, at the next tick.
 */
package dev.valbox.schedules;
