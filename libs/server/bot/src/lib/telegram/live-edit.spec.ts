import { recogniseLiveEdit } from './live-edit';

const T0 = 1_795_500_000;

/** A moving live location as Telegram sends it: an edited_message with location.live_period. */
function liveEdit(change: { message?: Record<string, unknown>; location?: Record<string, unknown>; update?: Record<string, unknown> } = {}) {
  return {
    update_id: 7001,
    edited_message: {
      message_id: 55,
      date: T0,
      edit_date: T0 + 30,
      chat: { id: 42, type: 'private', first_name: 'Jan' },
      from: { id: 42, is_bot: false, first_name: 'Jan', language_code: 'de' },
      location: { latitude: 52.52, longitude: 13.405, horizontal_accuracy: 12, live_period: 3600, heading: 90, ...change.location },
      ...change.message,
    },
    ...change.update,
  };
}

describe('recogniseLiveEdit (the webhook fast path)', () => {
  it('takes a moving live-location edit from a person in a private chat, with every field the session needs', () => {
    expect(recogniseLiveEdit(liveEdit())).toEqual({
      updateId: 7001,
      userId: 42,
      messageId: 55,
      date: T0,
      editDate: T0 + 30,
      edited: true,
      latitude: 52.52,
      longitude: 13.405,
      accuracy: 12,
      heading: 90,
      livePeriod: 3600,
    });
  });

  it('passes coordinates on untouched: range checks stay with TrackingService (lat 91 is refused there, never stored)', () => {
    expect(recogniseLiveEdit(liveEdit({ location: { latitude: 91, longitude: 'x' } }))).toMatchObject({ latitude: 91, longitude: 'x' });
  });

  it('takes an edit without edit_date (Telegram always sends one; the session falls back to date)', () => {
    expect(recogniseLiveEdit(liveEdit({ message: { edit_date: undefined } }))).toMatchObject({ editDate: null });
  });

  it.each([
    ['a first live location (message, not edited_message)', { update_id: 1, message: liveEdit().edited_message }],
    ['the final edit that stops sharing (no live_period)', liveEdit({ location: { live_period: undefined } })],
    ['a zero or fractional live_period', liveEdit({ location: { live_period: 0 } })],
    ['a live_period that is not a number', liveEdit({ location: { live_period: '3600' } })],
    ['an edited text message', liveEdit({ message: { location: undefined, text: '/stop' } })],
    ['an edited venue', liveEdit({ message: { venue: { title: 'Depot' } } })],
    ['a group chat', liveEdit({ message: { chat: { id: -100, type: 'group' } } })],
    ['a bot as sender', liveEdit({ message: { from: { id: 9, is_bot: true } } })],
    ['no sender', liveEdit({ message: { from: undefined } })],
    ['a non-numeric sender id', liveEdit({ message: { from: { id: '42' } } })],
    ['a missing chat', liveEdit({ message: { chat: undefined } })],
    ['a non-integer message id', liveEdit({ message: { message_id: 5.5 } })],
    ['a missing date', liveEdit({ message: { date: undefined } })],
    ['a non-integer update id', liveEdit({ update: { update_id: '7001' } })],
    ['an update carrying both message and edited_message', liveEdit({ update: { message: { message_id: 1 } } })],
    ['a callback query', { update_id: 3, callback_query: { id: 'q', from: { id: 42 } } }],
    ['an array', [1, 2, 3]],
    ['null', null],
    ['a string', 'edited_message'],
  ])('leaves %s to telegraf', (_what, update) => {
    expect(recogniseLiveEdit(update)).toBeNull();
  });
});
