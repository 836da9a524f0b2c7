import type { PackedHistoryRow } from './position-history.query';

/** A PositionHistoryDto (contracts) already serialised: the body of the JSON answer as it is sent. */
export type PositionHistoryJson = string & { readonly __positionHistoryJson: never };

/** 2000-01-01, where Postgres counts timestamps from, in ms since 1970. */
const PG_EPOCH_MS = 946_684_800_000;
const ACCURACY_NULL = 1 << 16;
const SPEED_NULL = 1 << 17;
const HEADING_NULL = 1 << 18;

/**
 * A JSON number as Postgres's json wrote a float before: JS's shortest round-trip form (what
 * JSON.stringify writes), but `-0` kept (Postgres writes it; JSON.stringify would write 0) and
 * NaN/±Infinity as the strings Postgres wrote for them.
 */
function jsonFloat(value: number): string {
  if (Number.isFinite(value)) return value === 0 && 1 / value < 0 ? '-0' : String(value);
  return `"${value}"`; // "NaN", "Infinity", "-Infinity"
}

/**
 * The PositionHistoryDto of a packed history row (see HISTORY_PACKED_SQL) as JSON text, keys in the
 * DTO's order, written directly: no object per point and no JSON.stringify of a tree. `recordedAt`
 * is `toISOString()` of the time truncated to the millisecond (as pg's Date parsing did);
 * `battery`/`altitude` null as the map's history never carried them.
 */
export function positionHistoryJson(driverId: string, from: Date, to: Date, maxPoints: number, row: PackedHistoryRow): PositionHistoryJson {
  const total = Number(row.total);
  const step = Number(row.step);
  let json =
    `{"driverId":${JSON.stringify(driverId)},"from":"${from.toISOString()}","to":"${to.toISOString()}","total":${total},` +
    `"downsampled":${step > 1},"maxPoints":${maxPoints},"thinningStep":${step},"positions":[`;
  const words = row.words;
  if (words && row.latitudes && row.longitudes && row.accuracies && row.speeds && row.times) {
    const word = view(words);
    const lat = view(row.latitudes);
    const lon = view(row.longitudes);
    const accuracy = view(row.accuracies);
    const speed = view(row.speeds);
    const time = view(row.times);
    const sources = Buffer.from(row.sources ?? '', 'utf8');
    const sourceJson = new Map<string, string>();
    const head = `{"driverId":${JSON.stringify(driverId)},"latitude":`;
    for (let i = 0, at = 0, sourceAt = 0; at < words.byteLength; i++, at += 4) {
      const w = word.getInt32(at);
      const f8 = i * 8;
      const sourceEnd = sourceAt + (w >>> 19);
      const source = sources.toString('utf8', sourceAt, sourceEnd);
      sourceAt = sourceEnd;
      let quoted = sourceJson.get(source);
      if (quoted === undefined) sourceJson.set(source, (quoted = JSON.stringify(source)));
      const us = time.getInt32(f8) * 4_294_967_296 + time.getUint32(f8 + 4);
      json +=
        (i === 0 ? head : ',' + head) +
        jsonFloat(lat.getFloat64(f8)) +
        ',"longitude":' +
        jsonFloat(lon.getFloat64(f8)) +
        ',"accuracy":' +
        (w & ACCURACY_NULL ? 'null' : jsonFloat(accuracy.getFloat64(f8))) +
        ',"heading":' +
        (w & HEADING_NULL ? 'null' : String((w & 0xffff) - 32768)) +
        ',"speed":' +
        (w & SPEED_NULL ? 'null' : jsonFloat(speed.getFloat64(f8))) +
        ',"recordedAt":"' +
        new Date(Math.floor(us / 1000) + PG_EPOCH_MS).toISOString() +
        '","source":' +
        quoted +
        ',"battery":null,"altitude":null}';
    }
  }
  return (json + ']}') as PositionHistoryJson;
}

const view = (bytes: Buffer) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
