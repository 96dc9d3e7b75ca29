/**
 * The scheduler that runs interval vals on their schedules (a schedule itself is part of its val: {@code
 * vals.entity.Schedule}). It ticks in whole minutes. Each tick runs exactly once across every instance sharing the
 * database: a scheduler runs a val only after winning the tick with a conditional update of its schedule's row. A
 * missed tick is not replayed: the val runs once, at the next tick. "Run now" runs an interval val at once, as a run of
 * its schedule.
 */
package dev.valbox.schedules;
