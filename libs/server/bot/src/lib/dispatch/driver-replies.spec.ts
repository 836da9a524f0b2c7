import type { MessagesService } from '@convoy/server/messages';
import type { TelegramSessions } from '@convoy/server/sharing';
import type { IncomingCallback } from '../telegram/incoming-callback';
import type { IncomingMessage } from '../telegram/incoming-message';
import { DriverReplies } from './driver-replies';

const MESSAGE_ID = '0b6f3c52-6a43-4c1e-9d0e-5a2a7a9f4c10';

function setUp(bound: { id: string; name: string } | null) {
  const sessions = { boundDriver: jest.fn(async () => bound) };
  const original = { id: MESSAGE_ID, direction: 'to-driver', text: 'Gate 4', sentByName: 'anna', quickReplies: ['On my way', 'Arrived'] };
  const messages = {
    receive: jest.fn(async (_driverId: string, reply: { text: string; tap?: unknown }) => ({
      kind: 'stored',
      reply: { text: reply.text, quickReply: reply.tap ? reply.text : null },
      answered: null,
    })),
    findForDriver: jest.fn(async () => original),
  };
  const replies = new DriverReplies(sessions as unknown as TelegramSessions, messages as unknown as MessagesService);
  const said: string[] = [];
  const replier = { reply: async (text: string) => void said.push(text) };
  const toasts: Array<string | undefined> = [];
  const edits: string[] = [];
  const responder = { answer: async (toast?: string) => void toasts.push(toast), edit: async (text: string) => void edits.push(text) };
  return { replies, messages, said, replier, toasts, edits, responder };
}

const text = (value: string, languageCode = 'en'): IncomingMessage =>
  ({ updateId: 1, edited: false, chat: { id: 7, type: 'private' }, from: { id: 7, isBot: false, languageCode }, messageId: 99, date: 0, editDate: null, text: value, location: null, isVenue: false }) as IncomingMessage;
const tap = (data: string, languageCode = 'en'): IncomingCallback => ({ updateId: 2, id: 'cb', from: { id: 7, isBot: false, languageCode }, data, message: { chatId: 7, messageId: 5, chatType: 'private' } });

describe('a driver’s words back to dispatch', () => {
  it('stores a bound driver’s text with its Telegram message id and confirms in their language', async () => {
    const { replies, messages, said, replier } = setUp({ id: 'd1', name: 'Dora' });
    await expect(replies.onText(text('Stau, 10 Minuten', 'de'), replier)).resolves.toBe(true);
    expect(messages.receive).toHaveBeenCalledWith('d1', { channel: 'telegram', text: 'Stau, 10 Minuten', telegramMessageId: 99 });
    expect(said).toEqual(['✉️ An die Disposition gesendet.']);
  });

  it('leaves strangers and blank text to the conversation', async () => {
    const stranger = setUp(null);
    await expect(stranger.replies.onText(text('hello'), stranger.replier)).resolves.toBe(false);
    const blank = setUp({ id: 'd1', name: 'Dora' });
    await expect(blank.replies.onText(text('   '), blank.replier)).resolves.toBe(false);
    expect(blank.messages.receive).not.toHaveBeenCalled();
  });

  it('turns a tap into the reply, answers it and shows the choice instead of the buttons', async () => {
    const { replies, messages, toasts, edits, responder } = setUp({ id: 'd1', name: 'Dora' });
    await replies.onTap(tap(`msg:${MESSAGE_ID}:1`), responder);
    expect(messages.receive).toHaveBeenCalledWith('d1', { channel: 'telegram', text: 'Arrived', tap: { messageId: MESSAGE_ID, option: 1 } });
    expect(toasts).toEqual(['Sent to dispatch: Arrived']);
    expect(edits).toEqual(['📨 Dispatch (anna): Gate 4\n\n✅ You answered: Arrived']);
  });

  it('answers a malformed or foreign tap without storing anything', async () => {
    const { replies, messages, toasts } = setUp(null);
    await replies.onTap(tap(`msg:${MESSAGE_ID}:1`), { answer: async (t?: string) => void toasts.push(t), edit: async () => undefined });
    await replies.onTap(tap('msg:garbage'), { answer: async (t?: string) => void toasts.push(t), edit: async () => undefined });
    expect(messages.receive).not.toHaveBeenCalled();
    expect(toasts).toEqual(['This message is no longer available.', 'This message is no longer available.']);
  });
});
