import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import {
  DEFAULT_QUICK_REPLIES,
  MESSAGE_MAX_LENGTH,
  MESSAGE_MAX_QUICK_REPLIES,
  MESSAGE_QUICK_REPLY_MAX_LENGTH,
  type DriverChannel,
  type MessageDto,
} from '@convoy/contracts';
import { serverMessage } from '../../core/http/api-error';
import { MessageFeed } from '../../core/messages/message-feed';
import { MessagesApi } from '../../core/messages/messages-api';
import { formatDateTime } from '../format';

const STATUS_LABELS: Record<MessageDto['status'], string> = { sent: 'Sent', delivered: 'Delivered', failed: 'Failed', received: 'Received' };

/**
 * The driver panel's "Message" section: the conversation (live via the `messages` socket event), a
 * compose box with quick-reply chips (the defaults, removable, plus the dispatcher's own), each
 * message's status (sent / delivered / failed with the reason). Opening it marks the driver's
 * replies read (dispatchers), and so does a reply arriving while it is open.
 */
@Component({
  selector: 'cv-message-thread',
  templateUrl: './message-thread.html',
  styleUrl: './message-thread.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageThread {
  readonly driverId = input.required<string>();
  readonly channel = input<DriverChannel | null>(null);
  readonly canWrite = input(false);

  private readonly api = inject(MessagesApi);
  protected readonly messages = signal<MessageDto[]>([]);
  protected readonly canReceive = signal(true);
  protected readonly loading = signal(true);
  protected readonly loadError = signal<string | null>(null);
  protected readonly text = signal('');
  protected readonly quickReplies = signal<string[]>([...DEFAULT_QUICK_REPLIES]);
  protected readonly newChip = signal('');
  protected readonly sending = signal(false);
  protected readonly sendError = signal<string | null>(null);
  protected readonly maxLength = MESSAGE_MAX_LENGTH;
  protected readonly maxChip = MESSAGE_QUICK_REPLY_MAX_LENGTH;
  protected readonly canAddChip = computed(() => this.quickReplies().length < MESSAGE_MAX_QUICK_REPLIES);
  protected readonly canSend = computed(() => this.text().trim().length > 0 && this.text().length <= MESSAGE_MAX_LENGTH && !this.sending());
  protected readonly whyNot = computed(() =>
    this.channel() === 'app'
      ? 'This driver shares through a GPS app, which cannot show messages.'
      : 'This driver cannot receive messages now (not connected to the bot or the join page).',
  );
  protected readonly statusLabel = STATUS_LABELS;
  protected readonly time = (iso: string) => formatDateTime(Date.parse(iso));

  constructor() {
    effect(() => {
      const id = this.driverId();
      untracked(() => void this.load(id));
    });
    const subscription = inject(MessageFeed).messages$.subscribe((incoming) => this.merge(incoming));
    inject(DestroyRef).onDestroy(() => subscription.unsubscribe());
  }

  protected async send(): Promise<void> {
    if (!this.canSend()) return;
    this.sending.set(true);
    this.sendError.set(null);
    try {
      const sent = await this.api.send(this.driverId(), { text: this.text().trim(), quickReplies: this.quickReplies() });
      this.merge([sent]);
      this.text.set('');
    } catch (error) {
      this.sendError.set(serverMessage(error) ?? 'Could not send the message. Try again.');
    } finally {
      this.sending.set(false);
    }
  }

  protected onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void this.send();
    }
  }

  protected removeChip(label: string): void {
    this.quickReplies.update((chips) => chips.filter((chip) => chip !== label));
  }

  protected addChip(): void {
    const label = this.newChip().trim().slice(0, MESSAGE_QUICK_REPLY_MAX_LENGTH);
    if (label && this.canAddChip() && !this.quickReplies().includes(label)) this.quickReplies.update((chips) => [...chips, label]);
    this.newChip.set('');
  }

  private async load(driverId: string): Promise<void> {
    this.loading.set(true);
    this.loadError.set(null);
    try {
      const thread = await this.api.thread(driverId);
      if (driverId !== this.driverId()) return;
      this.messages.set(thread.messages);
      this.canReceive.set(thread.canReceive);
      if (thread.unread > 0) void this.markRead();
    } catch (error) {
      this.loadError.set(serverMessage(error) ?? 'Could not load the conversation.');
    } finally {
      this.loading.set(false);
    }
  }

  /** New rows are appended, known ones replaced (a status change); oldest first. */
  private merge(incoming: MessageDto[]): void {
    const mine = incoming.filter((m) => m.driverId === this.driverId());
    if (mine.length === 0) return;
    this.messages.update((current) => {
      const byId = new Map(current.map((m) => [m.id, m]));
      for (const message of mine) byId.set(message.id, latestOf(byId.get(message.id), message));
      return [...byId.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    });
    if (mine.some((m) => m.direction === 'from-driver' && m.readAt === null)) void this.markRead();
  }

  private async markRead(): Promise<void> {
    if (!this.canWrite()) return;
    try {
      await this.api.markRead(this.driverId());
    } catch {
      // the badge stays; the next open tries again
    }
  }
}

const STATUS_RANK: Record<MessageDto['status'], number> = { sent: 0, delivered: 1, failed: 1, received: 1 };

/**
 * Socket events and REST answers race (the send's answer may arrive after the socket said
 * "delivered"): a message only moves forward — status, the answer chosen, read.
 */
export function latestOf(known: MessageDto | undefined, incoming: MessageDto): MessageDto {
  if (!known) return incoming;
  const statusFrom = STATUS_RANK[known.status] > STATUS_RANK[incoming.status] ? known : incoming;
  return {
    ...incoming,
    status: statusFrom.status,
    error: statusFrom.error,
    quickReply: incoming.quickReply ?? known.quickReply,
    readAt: incoming.readAt ?? known.readAt,
  };
}
