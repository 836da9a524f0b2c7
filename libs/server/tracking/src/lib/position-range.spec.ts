import { MAX_HISTORY_RANGE_DAYS } from '@convoy/contracts';
import { positionRange } from './position-range';
import { TrackingErrorCode } from './tracking.errors';

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
    return undefined;
  } catch (error) {
    return ((error as { getResponse(): { code?: string } }).getResponse()).code;
  }
}

describe('positionRange', () => {
  it('defaults to the last 24 hours', () => {
    const { from, to } = positionRange(undefined, '2026-11-24T12:00:00.000Z');
    expect(from.toISOString()).toBe('2026-11-23T12:00:00.000Z');
    expect(to.toISOString()).toBe('2026-11-24T12:00:00.000Z');
  });

  it(`accepts exactly ${MAX_HISTORY_RANGE_DAYS} days and refuses a millisecond more`, () => {
    const to = '2026-11-24T00:00:00.000Z';
    const from = new Date(Date.parse(to) - MAX_HISTORY_RANGE_DAYS * 86_400_000);
    expect(positionRange(from.toISOString(), to).from).toEqual(from);
    expect(codeOf(() => positionRange(new Date(from.getTime() - 1).toISOString(), to))).toBe(TrackingErrorCode.RangeTooLong);
  });

  it('refuses a range that ends before it starts', () => {
    expect(codeOf(() => positionRange('2026-11-24T00:00:00.000Z', '2026-11-23T00:00:00.000Z'))).toBe(TrackingErrorCode.RangeInvalid);
  });
});
