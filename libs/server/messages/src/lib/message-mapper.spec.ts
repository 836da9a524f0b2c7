import { senderDisplayName } from './message-mapper';
import { normaliseQuickReplies } from './messages.service';

describe('a dispatcher’s name in messages', () => {
  it('is the local part of the email', () => {
    expect(senderDisplayName('anna@fleet.example')).toBe('anna');
    expect(senderDisplayName('anna.schmidt+ops@fleet.example')).toBe('anna.schmidt+ops');
  });
});

describe('quick replies as stored', () => {
  it('are trimmed, without blanks or duplicates, in the order given', () => {
    expect(normaliseQuickReplies([' On my way ', 'Arrived', 'On my way', '  '])).toEqual(['On my way', 'Arrived']);
    expect(normaliseQuickReplies(undefined)).toEqual([]);
  });
});
