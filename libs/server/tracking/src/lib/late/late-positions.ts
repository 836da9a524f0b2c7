/**
 * A point is late when it is stored more than this after it was recorded (by the database's
 * statement clock): PositionWriter then notes its driver and hour in `position_late_writes`. Live
 * channels (Telegram live location, OsmAnd every few seconds, the browser) stay well under it; what
 * crosses it is history arriving after the fact.
 */
export const LATE_POSITION_AFTER_S = 300;

/**
 * The longest a position batch's statement may run between taking its clock and committing, for a
 * reader relying on the late log (a batch takes milliseconds; the writer's statement timeout is far
 * below this). A reader that caches a result over history ending at T, computed at C, is exact when
 * T ≤ C − LATE_POSITION_AFTER_S − this margin, and it treats a late write at ≥ C − this margin as
 * newer than its result (docs/architecture.md "Prepared summaries").
 */
export const LATE_WRITE_CLOCK_MARGIN_S = 60;
