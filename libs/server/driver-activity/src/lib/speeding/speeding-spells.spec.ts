import { decideSpeeding, type SpeedPoint, type SpeedingSpell } from './speeding-spells';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const LIMIT = 100;

/** A point `s` seconds after T0 at `kmh`. */
const at = (s: number, kmh: number | null): SpeedPoint => ({ at: new Date(T0 + s * 1000), speedKmh: kmh, lat: 52.5, lon: 13.4 + s / 1e5 });

/** Feeds the points batch by batch, as the group commit would, keeping the stored spell in between. */
function run(batches: SpeedPoint[][], stored: SpeedingSpell | null = null) {
  const reports = [];
  let spell = stored;
  for (const batch of batches) {
    const decided = decideSpeeding(spell, batch, LIMIT);
    spell = decided.spell;
    reports.push(...decided.reports);
  }
  return { spell, reports };
}

describe('driver.speeding: over the threshold for at least 30 s, once per spell', () => {
  it('reports once when a spell reaches 30 s, at the point that reached it, with the top speed so far', () => {
    const { reports, spell } = run([[at(0, 110)], [at(10, 130)], [at(20, 120)], [at(30, 115)], [at(40, 140)], [at(50, 125)]]);
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ speedKmh: 115, maxKmh: 130, since: new Date(T0), at: new Date(T0 + 30_000) });
    expect(spell).toMatchObject({ reported: true, maxKmh: 140 });
  });

  it('says nothing for a spell shorter than 30 s, or at the threshold itself', () => {
    expect(run([[at(0, 130)], [at(20, 130)], [at(25, 90)], [at(40, 100)], [at(70, 100)]]).reports).toEqual([]);
  });

  it('starts again after the speed drops: a second spell is a second report', () => {
    const { reports } = run([[at(0, 120)], [at(30, 120)], [at(40, 80)], [at(50, 120)], [at(85, 125)]]);
    expect(reports.map((r) => r.since)).toEqual([new Date(T0), new Date(T0 + 50_000)]);
  });

  it('decides the same whether the points come one per batch or all in one (device uploads)', () => {
    const points = [at(0, 120), at(15, 150), at(31, 121), at(40, 90), at(41, 130), at(80, 131), at(90, 50), at(95, 130)];
    const oneByOne = run(points.map((p) => [p]));
    const together = run([[...points].reverse()]); // any order within a batch
    expect(together.reports).toEqual(oneByOne.reports);
    expect(together.spell).toEqual(oneByOne.spell);
    expect(together.reports).toHaveLength(2);
  });

  it('continues a stored spell across batches, and a reported spell is never reported again', () => {
    const reported: SpeedingSpell = { since: new Date(T0), maxKmh: 150, reported: true };
    expect(run([[at(60, 160)], [at(90, 170)]], reported).reports).toEqual([]);
    const open: SpeedingSpell = { since: new Date(T0), maxKmh: 150, reported: false };
    expect(run([[at(35, 101)]], open).reports[0]).toMatchObject({ since: new Date(T0), maxKmh: 150, speedKmh: 101 });
  });

  it('ignores points without a speed (they neither start nor end a spell)', () => {
    expect(run([[at(0, 120)], [at(10, null)], [at(30, 120)]]).reports).toHaveLength(1);
  });
});
