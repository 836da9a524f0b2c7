import type { NotificationDto } from '@convoy/contracts';

/** The signed-in user's inbox as the dashboard holds it: the entries it has seen, newest first, and the server's unread count. */
export interface Inbox {
  entries: readonly NotificationDto[];
  /** All unread of this user (the server's count, kept up to date locally), not only the loaded ones. */
  unread: number;
}

export const EMPTY_INBOX: Inbox = { entries: [], unread: 0 };

/** The cap of entries kept in memory (the panel shows the newest; older ones stay on the server). */
export const INBOX_KEEP = 50;

/** Newest first: by when it happened, then by when it was recorded, then by id (stable). */
export function newestFirst(a: NotificationDto, b: NotificationDto): number {
  return (
    b.occurredAt.localeCompare(a.occurredAt) || b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id)
  );
}

/** A fresh page from `GET /api/notifications` replaces what we had (it is the truth, count included). */
export function replaceInbox(entries: readonly NotificationDto[], unread: number): Inbox {
  return { entries: [...dedupe(entries)].sort(newestFirst).slice(0, INBOX_KEEP), unread: Math.max(0, unread) };
}

/**
 * Entries pushed by the `notifications` socket event. One already held (a repeat after a reconnect)
 * is not counted twice; each new unread one adds one to the count.
 */
export function addToInbox(inbox: Inbox, incoming: readonly NotificationDto[]): { inbox: Inbox; added: NotificationDto[] } {
  const known = new Set(inbox.entries.map((entry) => entry.id));
  const added = dedupe(incoming).filter((entry) => !known.has(entry.id));
  if (added.length === 0) return { inbox, added };
  const unread = inbox.unread + added.filter((entry) => entry.readAt === null).length;
  return { inbox: { entries: [...added, ...inbox.entries].sort(newestFirst).slice(0, INBOX_KEEP), unread }, added };
}

/** Marks entries read at `readAt`; the count drops only by those that were unread. */
export function markReadInInbox(inbox: Inbox, ids: ReadonlySet<string>, readAt: string): Inbox {
  let dropped = 0;
  const entries = inbox.entries.map((entry) => {
    if (!ids.has(entry.id) || entry.readAt !== null) return entry;
    dropped++;
    return { ...entry, readAt };
  });
  return dropped === 0 ? inbox : { entries, unread: Math.max(0, inbox.unread - dropped) };
}

/** What the bell says: "" for none, "99+" beyond 99. */
export function unreadBadge(unread: number): string {
  if (unread <= 0) return '';
  return unread > 99 ? '99+' : String(unread);
}

function dedupe(entries: readonly NotificationDto[]): NotificationDto[] {
  const seen = new Set<string>();
  return entries.filter((entry) => (seen.has(entry.id) ? false : (seen.add(entry.id), true)));
}
