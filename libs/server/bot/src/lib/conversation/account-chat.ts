import { Injectable } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { isUserLinkCode, parseMuteDuration, TelegramAccountsService, type LinkOutcome } from '@convoy/server/notifications';
import { accountMessagesFor, type AccountChatMessages } from '../messages/account-catalogue';
import { formatClock } from '../messages/clock';
import type { IncomingMessage } from '../telegram/incoming-message';
import type { Replier } from '../telegram/replier';

/**
 * The commands of a manager's own chat (alerts, issue #10), apart from the drivers' conversation:
 * `/start u_<code>` (a user link code, never a driver link token) binds the chat to that user and
 * creates no driver; `/mute 1h`, `/unmute`, `/unlink`. Returns false for anything else.
 */
@Injectable()
export class AccountChat {
  constructor(
    private readonly accounts: TelegramAccountsService,
    private readonly config: AppConfig,
  ) {}

  async handle(command: string, arg: string | null, message: IncomingMessage, replier: Replier): Promise<boolean> {
    const from = message.from;
    if (!from) return false;
    const t = accountMessagesFor(from.languageCode);
    switch (command) {
      case 'start':
        if (!arg || !isUserLinkCode(arg)) return false;
        await this.link(arg, message, t, replier);
        return true;
      case 'mute': {
        const forMs = parseMuteDuration(arg);
        if (forMs === null) await replier.reply(t.muteUsage);
        else {
          const until = await this.accounts.mute(from.id, forMs, from.languageCode);
          await replier.reply(until ? t.muted(formatClock(until, this.config.telegram.timeZone)) : t.notLinked);
        }
        return true;
      }
      case 'unmute':
        await replier.reply((await this.accounts.unmute(from.id, from.languageCode)) ? t.unmuted : t.notLinked);
        return true;
      case 'unlink':
        await replier.reply((await this.accounts.unlinkTelegram(from.id)) ? t.unlinked : t.notLinked);
        return true;
      default:
        return false;
    }
  }

  private async link(code: string, message: IncomingMessage, t: AccountChatMessages, replier: Replier): Promise<void> {
    const from = message.from as NonNullable<IncomingMessage['from']>;
    const outcome: LinkOutcome = await this.accounts.redeem(code, {
      telegramUserId: from.id,
      chatId: message.chat.id,
      username: from.username,
      firstName: from.firstName,
      languageCode: from.languageCode,
    });
    const replies: Record<Exclude<LinkOutcome['kind'], 'linked'>, string> = { unknown: t.linkUnknown, expired: t.linkExpired, used: t.linkUsed };
    await replier.reply(outcome.kind === 'linked' ? t.linked(outcome.email) : replies[outcome.kind]);
  }
}
