import { daysAhead, partitionDay, partitionName, retentionOf, utcDay } from './partition-days';

describe('daily partitions', () => {
  it('names a UTC day and reads the name back', () => {
    const day = new Date('2026-12-01T23:59:59.999+01:00'); // 22:59 UTC
    expect(partitionName(day)).toBe('positions_20261201');
    expect(partitionDay('positions_20261201')).toEqual(new Date('2026-12-01T00:00:00Z'));
    expect(utcDay(new Date('2026-12-02T00:30:00+01:00'))).toEqual(new Date('2026-12-01T00:00:00Z'));
  });

  it('ignores tables that are not a daily partition', () => {
    for (const name of ['positions_default', 'positions', 'positions_20261301', 'positions_20260230', 'positions_2026120']) {
      expect(partitionDay(name)).toBeNull();
    }
  });

  it('lists today and the days ahead', () => {
    expect(daysAhead(new Date('2026-12-30T18:00:00Z'), 3).map(partitionName)).toEqual([
      'positions_20261230',
      'positions_20261231',
      'positions_20270101',
      'positions_20270102',
    ]);
  });

  it('drops partitions wholly before the cutoff and trims the one it cuts', () => {
    const cutoff = new Date('2026-09-02T03:00:00Z');
    expect(retentionOf(new Date('2026-09-01T00:00:00Z'), cutoff)).toBe('drop');
    expect(retentionOf(new Date('2026-09-02T00:00:00Z'), cutoff)).toBe('trim');
    expect(retentionOf(new Date('2026-09-03T00:00:00Z'), cutoff)).toBe('keep');
    expect(retentionOf(new Date('2026-09-02T00:00:00Z'), new Date('2026-09-03T00:00:00Z'))).toBe('drop');
    expect(retentionOf(new Date('2026-09-02T00:00:00Z'), new Date('2026-09-02T00:00:00Z'))).toBe('keep');
  });
});
