import type { AlertRuleDto } from '@convoy/contracts';
import { type AlertRuleDraft, draftFromRule, emptyDraft, toRequest, validateDraft } from './alert-rule-draft';

const valid = (changes: Partial<AlertRuleDraft> = {}): AlertRuleDraft => ({ ...emptyDraft('u-1', 'Europe/Berlin'), name: 'Depot arrivals', ...changes });

describe('alert rule draft', () => {
  it('starts as arrivals to the dashboard of the person creating it', () => {
    const draft = emptyDraft('u-1', 'Europe/Berlin');
    expect(draft.events).toEqual(['visit.arrived']);
    expect(draft.recipientUserIds).toEqual(['u-1']);
    expect(draft.channels).toEqual(['dashboard']);
    expect(validateDraft(draft)).toEqual({ name: 'Give the rule a name.' });
  });

  it('accepts a complete rule', () => {
    expect(validateDraft(valid())).toEqual({});
  });

  it('asks for an event, a recipient and a channel', () => {
    expect(validateDraft(valid({ events: [], recipientUserIds: [], channels: [] }))).toEqual({
      events: 'Choose at least one event.',
      recipients: 'Choose who receives the alert.',
      channels: 'Choose at least one channel.',
    });
  });

  it('takes a role as the recipient', () => {
    expect(validateDraft(valid({ recipientUserIds: [], recipientRoles: ['dispatcher'] }))).toEqual({});
  });

  it('asks for the places or kinds once "chosen places" is picked, only for place events', () => {
    expect(validateDraft(valid({ placeScope: 'places' })).places).toBe('Choose at least one place, or any place.');
    expect(validateDraft(valid({ placeScope: 'kinds' })).places).toBe('Choose at least one kind of place, or any place.');
    expect(validateDraft(valid({ placeScope: 'places', events: ['driver.went_quiet'] })).places).toBeUndefined();
    expect(validateDraft(valid({ driverScope: 'some' })).drivers).toBe('Choose at least one driver, or every driver.');
  });

  it('checks quiet hours and their time zone', () => {
    expect(validateDraft(valid({ quiet: true }))).toEqual({});
    expect(validateDraft(valid({ quiet: true, quietStart: '25:00' })).quietHours).toBe('Enter both times as HH:MM.');
    expect(validateDraft(valid({ quiet: true, quietStart: '07:00', quietEnd: '07:00' })).quietHours).toBe('The start and the end must differ.');
    expect(validateDraft(valid({ quiet: true, timeZone: 'Mars/Olympus' })).timeZone).toMatch(/Not a time zone/);
    // ignored while quiet hours are off
    expect(validateDraft(valid({ quiet: false, timeZone: 'nonsense' }))).toEqual({});
  });

  it('sends filters that do not apply as null', () => {
    const request = toRequest(valid({ name: '  Quiet drivers ', events: ['driver.went_quiet'], placeScope: 'places', placeIds: ['p-1'] }));
    expect(request).toEqual({
      name: 'Quiet drivers',
      enabled: true,
      events: ['driver.went_quiet'],
      placeIds: null,
      placeKinds: null,
      driverIds: null,
      recipientUserIds: ['u-1'],
      recipientRoles: [],
      channels: ['dashboard'],
      quietHours: null,
    });
    expect(toRequest(valid({ placeScope: 'kinds', placeKinds: ['depot'], quiet: true })).placeKinds).toEqual(['depot']);
    expect(toRequest(valid({ quiet: true })).quietHours).toEqual({ start: '22:00', end: '07:00', timeZone: 'Europe/Berlin' });
  });

  it('edits a stored rule as it is', () => {
    const rule: AlertRuleDto = {
      id: 'r-1',
      name: 'Depots',
      enabled: false,
      events: ['visit.arrived', 'visit.departed'],
      placeIds: null,
      placeKinds: ['depot'],
      driverIds: ['d-1'],
      recipientUserIds: [],
      recipientRoles: ['admin', 'dispatcher'],
      channels: ['dashboard', 'telegram'],
      quietHours: { start: '20:00', end: '06:00', timeZone: 'Asia/Tashkent' },
      createdAt: '2026-12-01T00:00:00.000Z',
      updatedAt: '2026-12-01T00:00:00.000Z',
    };
    const draft = draftFromRule(rule);
    expect(draft).toMatchObject({ placeScope: 'kinds', driverScope: 'some', quiet: true, timeZone: 'Asia/Tashkent', enabled: false });
    const { id: _id, createdAt: _c, updatedAt: _u, ...body } = rule;
    expect(toRequest(draft)).toEqual(body);
  });
});
