import type { PackedHistoryRow } from './position-history.query';

/** A PositionHistoryDto (contracts) already serialised: the UTF-8 body of the JSON answer as it is sent. */
export type PositionHistoryJson = Buffer & { readonly __positionHistoryJson: never };

/** 2000-01-01, where Postgres counts timestamps from, in ms since 1970. */
const PG_EPOCH_MS = 946_684_800_000;
const HEADING_NULL = 1 << 16;
const SOURCE_LENGTH_SHIFT = 17;
const HOUR_MS = 3_600_000;
/** 10000-01-01: from there on toISOString writes a 6-digit year, so no hour prefix is cut from it. */
const YEAR_10000_MS = 253_402_300_800_000;
const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));
const THREE_DIGITS = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));

/**
 * A float as Postgres's json wrote it before: its own text (shortest round-trip form), unquoted;
 * NaN and ±Infinity, which are not JSON numbers, as strings; '' (null) as null.
 */
function jsonFloat(text: string): string {
  if (text === '') return 'null';
  const last = text.charCodeAt(text.length - 1);
  return last === 78 /* N of NaN */ || last === 121 /* y of Infinity */ ? `"${text}"` : text;
}

/**
 * `Date.toISOString()` of a time, the hour's prefix ("YYYY-MM-DDTHH:") computed once per hour: a
 * day's points share 24 prefixes, and toISOString per point was a third of the answer's Node CPU.
 */
class IsoTimes {
  private hourStart = NaN;
  private prefix = '';

  format(ms: number): string {
    if (!(ms >= 0 && ms < YEAR_10000_MS)) return new Date(ms).toISOString();
    let inHour = ms - this.hourStart;
    if (!(inHour >= 0 && inHour < HOUR_MS)) {
      inHour = ms % HOUR_MS;
      this.hourStart = ms - inHour;
      this.prefix = new Date(this.hourStart).toISOString().slice(0, 14);
    }
    const minute = Math.floor(inHour / 60_000);
    const inMinute = inHour - minute * 60_000;
    const second = Math.floor(inMinute / 1000);
    return `${this.prefix}${TWO_DIGITS[minute]}:${TWO_DIGITS[second]}.${THREE_DIGITS[inMinute - second * 1000]}Z`;
  }
}

/**
 * UTF-8 text appended to one growing buffer. A history answer is ~1 MB: as one string it was a rope
 * of ~60,000 pieces that sending flattened to measure and then encoded again (~a third of the
 * request's Node CPU); here each point's few hundred bytes are encoded once, in place.
 */
class Utf8Text {
  private bytes: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.bytes = Buffer.allocUnsafe(capacity);
  }

  append(text: string): void {
    const most = text.length * 3; // UTF-8 bytes of a UTF-16 code unit, at most
    if (this.bytes.length - this.length < most) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + most));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
    this.length += this.bytes.write(text, this.length, 'utf8');
  }

  done(): Buffer {
    return this.bytes.subarray(0, this.length);
  }
}

/** Bytes of a point's JSON besides its numbers' text and its source: keys, time, nulls, separators. */
const POINT_FIXED_BYTES = 220;

/**
 * The PositionHistoryDto of a packed history row (see HISTORY_PACKED_SQL) as JSON text, keys in the
 * DTO's order, written directly: no object per point and no JSON.stringify of a tree. `recordedAt`
 * is the time truncated to the millisecond (as pg's Date parsing did) in `toISOString()` form;
 * `battery`/`altitude` null as the map's history never carried them.
 */
export function positionHistoryJson(driverId: string, from: Date, to: Date, maxPoints: number, row: PackedHistoryRow): PositionHistoryJson {
  const total = Number(row.total);
  const step = Number(row.step);
  const { words, times } = row;
  const numbersLength = (row.latitudes?.length ?? 0) + (row.longitudes?.length ?? 0) + (row.accuracies?.length ?? 0) + (row.speeds?.length ?? 0);
  const json = new Utf8Text(512 + (words ? (words.length / 4) * POINT_FIXED_BYTES : 0) + numbersLength + 2 * (row.sources?.length ?? 0));
  json.append(
    `{"driverId":${JSON.stringify(driverId)},"from":"${from.toISOString()}","to":"${to.toISOString()}","total":${total},` +
      `"downsampled":${step > 1},"maxPoints":${maxPoints},"thinningStep":${step},"positions":[`,
  );
  if (words && times && row.latitudes !== null && row.longitudes !== null && row.accuracies !== null && row.speeds !== null) {
    const word = view(words);
    const time = view(times);
    const lat = row.latitudes.split(',');
    const lon = row.longitudes.split(',');
    const accuracy = row.accuracies.split(',');
    const speed = row.speeds.split(',');
    const sources = Buffer.from(row.sources ?? '', 'utf8');
    const sourceJson = new Map<string, string>();
    const iso = new IsoTimes();
    const head = `{"driverId":${JSON.stringify(driverId)},"latitude":`;
    for (let i = 0, sourceAt = 0; i < lat.length; i++) {
      const w = word.getInt32(i * 4);
      const sourceEnd = sourceAt + (w >>> SOURCE_LENGTH_SHIFT);
      const source = sources.toString('utf8', sourceAt, sourceEnd);
      sourceAt = sourceEnd;
      let quoted = sourceJson.get(source);
      if (quoted === undefined) sourceJson.set(source, (quoted = JSON.stringify(source)));
      const us = time.getInt32(i * 8) * 4_294_967_296 + time.getUint32(i * 8 + 4);
      json.append(
        (i === 0 ? head : ',' + head) +
          jsonFloat(lat[i]) +
          ',"longitude":' +
          jsonFloat(lon[i]) +
          ',"accuracy":' +
          jsonFloat(accuracy[i]) +
          ',"heading":' +
          (w & HEADING_NULL ? 'null' : String((w & 0xffff) - 32768)) +
          ',"speed":' +
          jsonFloat(speed[i]) +
          ',"recordedAt":"' +
          iso.format(Math.floor(us / 1000) + PG_EPOCH_MS) +
          '","source":' +
          quoted +
          ',"battery":null,"altitude":null}',
      );
    }
  }
  json.append(']}');
  return json.done() as PositionHistoryJson;
}

const view = (bytes: Buffer) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
