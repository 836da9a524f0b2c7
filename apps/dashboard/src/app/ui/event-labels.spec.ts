import { CONVOY_EVENT_TYPES } from '@convoy/contracts';
import { EVENT_LABELS, GROUPED_EVENT_TYPES } from './event-labels';

describe('event labels', () => {
  it('names every event type and lists each in exactly one group of the rule form', () => {
    expect([...GROUPED_EVENT_TYPES].sort()).toEqual([...CONVOY_EVENT_TYPES].sort());
    for (const type of CONVOY_EVENT_TYPES) expect(EVENT_LABELS[type]).toMatch(/\S/);
  });
});
