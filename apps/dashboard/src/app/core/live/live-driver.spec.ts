import { DEFAULT_LIVE_WITHIN_MS } from '@convoy/contracts';
import { fromDto, withPosition } from './live-driver';
import { driverDto, positionAt } from './live-test-data';

const now = Date.parse('2026-11-24T12:00:00Z');

describe('a driver erased while the dashboard is open', () => {
  const seen = fromDto(driverDto('d1', { name: 'Jan', lastPosition: positionAt('d1', now - 5_000, 50.1, 14.4) }), undefined, now, DEFAULT_LIVE_WITHIN_MS);

  it('loses the last position and the trail at once (an older-looking DTO does not keep them)', () => {
    expect(seen.lastPosition).not.toBeNull();
    const erased = fromDto(driverDto('d1', { name: 'Erased driver', erasedAt: new Date(now).toISOString(), erasedBy: 'driver' }), seen, now, DEFAULT_LIVE_WITHIN_MS);
    expect(erased).toMatchObject({ name: 'Erased driver', lastPosition: null, lastSeenMs: null, trail: [], status: 'offline' });
  });

  it('takes no position that arrives after the erasure', () => {
    const erased = fromDto(driverDto('d1', { erasedAt: new Date(now).toISOString(), erasedBy: 'dispatcher' }), seen, now, DEFAULT_LIVE_WITHIN_MS);
    expect(withPosition(erased, positionAt('d1', now + 1000), now, DEFAULT_LIVE_WITHIN_MS)).toBeNull();
  });

  it('still keeps a newer position of a driver who was not erased when an older DTO arrives', () => {
    const older = fromDto(driverDto('d1', { lastPosition: positionAt('d1', now - 60_000) }), seen, now, DEFAULT_LIVE_WITHIN_MS);
    expect(older.lastSeenMs).toBe(now - 5_000);
  });
});
