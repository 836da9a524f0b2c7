import type { MessageDto } from '@convoy/contracts';
import type { MessageEntity } from './entities/message.entity';

/** Users have only an email: a dispatcher signs messages with its local part ("anna" for anna@fleet.example). */
export function senderDisplayName(email: string): string {
  const local = email.split('@')[0]?.trim();
  return (local || email).slice(0, 120);
}

export function toMessageDto(row: MessageEntity): MessageDto {
  return {
    id: row.id,
    driverId: row.driverId,
    direction: row.direction,
    text: row.text,
    quickReplies: row.quickReplies ?? [],
    quickReply: row.quickReply,
    status: row.status,
    error: row.error,
    sentBy: row.direction === 'to-driver' && row.sentByName ? { id: row.sentByUserId ?? '', name: row.sentByName } : null,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
