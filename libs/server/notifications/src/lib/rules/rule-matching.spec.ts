import type { ConvoyEvent } from '@convoy/contracts';
import { recipientsOf, ruleMatches, type MatchableRule } from './rule-matching';

const rule = (overrides: Partial<MatchableRule> = {}): MatchableRule => ({
  enabled: true,
  events: ['visit.arrived'],
  placeIds: null,
  placeKinds: null,
  driverIds: null,
  recipientUserIds: [],
  recipientRoles: ['dispatcher'],
  channels: ['dashboard', 'telegram'],
  quietHours: null,
  ...overrides,
});

const arrival = (kind: 'depot' | 'customer' = 'depot', driverId = 'd1', placeId = 'p1'): ConvoyEvent => ({
  id: 'e1',
  type: 'visit.arrived',
  occurredAt: '2026-12-01T08:31:00.000Z',
  driverId,
  data: {
    driver: { id: driverId, name: 'Aziz' },
    place: { id: placeId, name: 'Depot North', kind },
    visitId: 'v1',
    arrivedAt: '2026-12-01T08:31:00.000Z',
    position: { lat: 52.5, lon: 13.4 },
  },
});

const sharingEnded: ConvoyEvent = {
  id: 'e2',
  type: 'driver.sharing_ended',
  occurredAt: '2026-12-01T08:31:00.000Z',
  driverId: 'd1',
  data: { driver: { id: 'd1', name: 'Aziz' }, channel: 'telegram', reason: 'stopped' },
};

describe('ruleMatches', () => {
  it('takes only listed event types of enabled rules', () => {
    expect(ruleMatches(rule(), arrival())).toBe(true);
    expect(ruleMatches(rule({ enabled: false }), arrival())).toBe(false);
    expect(ruleMatches(rule({ events: ['visit.departed'] }), arrival())).toBe(false);
  });

  it('filters by place kind and by place', () => {
    expect(ruleMatches(rule({ placeKinds: ['depot'] }), arrival('depot'))).toBe(true);
    expect(ruleMatches(rule({ placeKinds: ['depot'] }), arrival('customer'))).toBe(false);
    expect(ruleMatches(rule({ placeIds: ['p1'] }), arrival('customer', 'd1', 'p1'))).toBe(true);
    expect(ruleMatches(rule({ placeIds: ['p2'] }), arrival('depot', 'd1', 'p1'))).toBe(false);
  });

  it('does not filter events without a place by place', () => {
    expect(ruleMatches(rule({ events: ['driver.sharing_ended'], placeKinds: ['depot'] }), sharingEnded)).toBe(true);
  });

  it('filters by driver', () => {
    expect(ruleMatches(rule({ driverIds: ['d1'] }), arrival('depot', 'd1'))).toBe(true);
    expect(ruleMatches(rule({ driverIds: ['d2'] }), arrival('depot', 'd1'))).toBe(false);
  });
});

describe('recipientsOf', () => {
  const users = [
    { id: 'anna', role: 'dispatcher' as const },
    { id: 'boss', role: 'admin' as const },
    { id: 'val', role: 'viewer' as const },
  ];
  const now = new Date('2026-12-01T08:31:00Z');

  it('merges users named and users by role, once each, channels merged over rules', () => {
    const result = recipientsOf(
      [rule({ recipientUserIds: ['val'], recipientRoles: [], channels: ['dashboard'] }), rule({ recipientRoles: ['admin', 'dispatcher'], channels: ['telegram', 'email'] })],
      arrival(),
      users,
      now,
    );
    expect([...result.keys()].sort()).toEqual(['anna', 'boss', 'val']);
    expect([...result.get('val')!]).toEqual(['dashboard']);
    expect([...result.get('anna')!].sort()).toEqual(['email', 'telegram']);
  });

  it('ignores named users that are not active', () => {
    const result = recipientsOf([rule({ recipientUserIds: ['gone'], recipientRoles: [] })], arrival(), users, now);
    expect(result.size).toBe(0);
  });

  it('keeps only the inbox inside quiet hours (over midnight)', () => {
    const quiet = rule({ quietHours: { start: '22:00', end: '09:00', timeZone: 'UTC' }, channels: ['dashboard', 'telegram', 'email'] });
    expect([...recipientsOf([quiet], arrival(), users, now).get('anna')!]).toEqual(['dashboard']);
    const later = new Date('2026-12-01T10:00:00Z');
    expect([...recipientsOf([quiet], arrival(), users, later).get('anna')!].sort()).toEqual(['dashboard', 'email', 'telegram']);
    const telegramOnly = rule({ quietHours: { start: '22:00', end: '09:00', timeZone: 'UTC' }, channels: ['telegram'] });
    expect(recipientsOf([telegramOnly], arrival(), users, now).size).toBe(0);
  });
});
