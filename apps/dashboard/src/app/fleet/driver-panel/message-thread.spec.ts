import type { MessageDto } from '@convoy/contracts';
import { latestOf } from './message-thread';

const message = (change: Partial<MessageDto>): MessageDto => ({
  id: 'm1',
  driverId: 'd1',
  direction: 'to-driver',
  text: 'Gate 4',
  quickReplies: ['Arrived'],
  quickReply: null,
  status: 'sent',
  error: null,
  sentBy: { id: 'u1', name: 'anna' },
  createdAt: '2026-12-01T12:00:00.000Z',
  readAt: null,
  ...change,
});

describe('a message in the open thread', () => {
  it('never goes back from delivered to sent when the send’s answer arrives after the socket event', () => {
    expect(latestOf(message({ status: 'delivered' }), message({ status: 'sent' })).status).toBe('delivered');
  });

  it('takes the failure and its reason', () => {
    expect(latestOf(message({ status: 'sent' }), message({ status: 'failed', error: 'The driver blocked the bot' }))).toMatchObject({ status: 'failed', error: 'The driver blocked the bot' });
  });

  it('keeps the answer chosen', () => {
    expect(latestOf(message({ status: 'delivered', quickReply: 'Arrived' }), message({ status: 'delivered' })).quickReply).toBe('Arrived');
  });
});
