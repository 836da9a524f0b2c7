/**
 * The bench's positions as COPY text, cheap to make: one driver's point `k` (k-th interval from the
 * start) is a 15-minute loop of 10 minutes driving at ~36 km/h and 5 parked, each driver around its
 * own spot; even-numbered drivers are Telegram drivers (an update id each), the others an OsmAnd phone.
 * Every string that does not depend on the step is made once (a driver's id and longitude, the
 * latitudes of the loop), so a row is a few concatenations; steps are handed out as Buffers of
 * ~1 MB. The text is exactly what the first loader wrote (same values, same formatting).
 */

/** The COPY column list the text is in. */
export const POSITION_COPY_COLUMNS = 'driver_id, latitude, longitude, accuracy, heading, speed, battery, recorded_at, source, telegram_update_id';

export interface PositionSeries {
  drivers: string[];
  /** Milliseconds since the epoch of step 0. */
  start: number;
  intervalS: number;
  /** The update id of step 0's first Telegram driver; step k's are `firstUpdate + k × ⌈drivers / 2⌉ + d / 2`. */
  firstUpdate: number;
}

/** Steps per Buffer handed to the COPY stream. */
const STEPS_PER_BUFFER_ROWS = 10_000;

export function* positionLines(series: PositionSeries, firstStep: number, steps: number): Generator<Buffer> {
  const { drivers, start, intervalS, firstUpdate } = series;
  const loop = Math.round(900 / intervalS);
  const driving = Math.round(600 / intervalS);
  const telegramPerStep = Math.ceil(drivers.length / 2);
  const spots = Math.min(50, drivers.length);
  // latitudes[d % 50][metres index]: the same expression as the first loader, evaluated once
  const latitudes = Array.from({ length: spots }, (_, spot) =>
    Array.from({ length: driving + 1 }, (_, i) => (48 + spot * 0.1 + (i * intervalS * 10) / 111_195).toFixed(6)),
  );
  const heads = drivers.map((id) => `${id}\t`);
  const tails = drivers.map((_, d) => `\t${(9 + Math.floor(d / 50) * 0.1).toFixed(6)}\t8\t`);
  const stepsPerBuffer = Math.max(1, Math.floor(STEPS_PER_BUFFER_ROWS / drivers.length));
  for (let from = firstStep; from < firstStep + steps; from += stepsPerBuffer) {
    let text = '';
    for (let k = from; k < Math.min(from + stepsPerBuffer, firstStep + steps); k++) {
      const at = new Date(start + k * intervalS * 1000).toISOString();
      const phase = k % loop;
      const moving = phase < driving;
      const metres = moving ? phase : driving;
      const motion = moving ? '0\t10\t' : '\\N\t0\t';
      const telegramRest = `\\N\t${at}\ttelegram-live\t`;
      const osmandRest = `80\t${at}\tosmand\t\\N\n`;
      let update = firstUpdate + k * telegramPerStep;
      for (let d = 0; d < drivers.length; d++) {
        const row = heads[d] + latitudes[d % 50][metres] + tails[d] + motion;
        text += d % 2 === 0 ? `${row}${telegramRest}${update++}\n` : row + osmandRest;
      }
    }
    yield Buffer.from(text);
  }
}
