/** Messages between dispatchers and a driver, in the driver's own channel (issue #10). */
export const MESSAGE_MAX_LENGTH = 1000;
export const MESSAGE_MAX_QUICK_REPLIES = 6;
export const MESSAGE_QUICK_REPLY_MAX_LENGTH = 32;
/** Offered by the dashboard; a dispatcher may write others. */
export const DEFAULT_QUICK_REPLIES = ['On my way', 'Arrived', 'Delayed'] as const;

export const MESSAGE_DIRECTIONS = ['to-driver', 'from-driver'] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

/**
 * to-driver: `sent` (handed to the channel), `delivered` (Bot API accepted it / the join page fetched it),
 * `failed` (e.g. the driver blocked the bot: not retried); from-driver: always `received`.
 */
export const MESSAGE_STATUSES = ['sent', 'delivered', 'failed', 'received'] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export interface MessageDto {
  id: string;
  driverId: string;
  direction: MessageDirection;
  text: string;
  /** to-driver: the buttons offered; from-driver: empty. */
  quickReplies: string[];
  /** from-driver: the button tapped, null for typed text; to-driver: the answer the driver chose (one per message), null until then. */
  quickReply: string | null;
  status: MessageStatus;
  /** Why it failed, e.g. "the driver blocked the bot". */
  error: string | null;
  /** to-driver: the dispatcher (or API token) who sent it. */
  sentBy: { id: string; name: string } | null;
  createdAt: string;
  /** from-driver: when a dispatcher read it; null = unread. */
  readAt: string | null;
}

/** POST /api/drivers/:id/messages */
export interface SendMessageRequest {
  text: string;
  quickReplies?: string[];
}

/** GET /api/drivers/:id/messages?before&limit — newest last. */
export interface MessageThreadDto {
  driverId: string;
  /** false for GPS-app drivers (and unbound drivers): the panel says the driver cannot receive messages. */
  canReceive: boolean;
  messages: MessageDto[];
  unread: number;
}
