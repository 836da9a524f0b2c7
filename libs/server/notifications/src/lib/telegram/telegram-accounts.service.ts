import { createHash, randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MyTelegramDto, TelegramLinkDto } from '@convoy/contracts';
import { AppConfig } from '@convoy/server/config';
import type { DataSource } from 'typeorm';
import { telegramUnavailable } from '../notifications.errors';

/** A link code is valid this long: the user opens it right away from the account page. */
export const LINK_CODE_TTL_MS = 10 * 60_000;
/** `u_` + 43 base64url characters (256 bits): 45 characters, never a driver link's 43-character token. */
const USER_LINK_CODE = /^u_[A-Za-z0-9_-]{43}$/;

export function isUserLinkCode(text: string): boolean {
  return USER_LINK_CODE.test(text);
}

/** Who opened the link in Telegram. */
export interface TelegramAccountIdentity {
  telegramUserId: number;
  chatId: number;
  username: string | null;
  firstName: string | null;
  languageCode: string | null;
}

export type LinkOutcome = { kind: 'linked'; email: string } | { kind: 'unknown' } | { kind: 'expired' } | { kind: 'used' };

/** The chat alerts for a user go to. */
export interface UserChat {
  userId: string;
  chatId: number;
  languageCode: string | null;
  mutedUntil: Date | null;
}

const hash = (code: string) => createHash('sha256').update(code).digest('hex');

/**
 * Users' own Telegram chats (not drivers): one-time link codes made on the account page, redeemed by
 * the bot's `/start <code>`; mute, unmute and unlink from the chat or the dashboard.
 */
@Injectable()
export class TelegramAccountsService {
  private readonly logger = new Logger(TelegramAccountsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** What is missing for a t.me link (empty = links can be made). */
  missingSettings(): string[] {
    const missing: string[] = [];
    if (!this.config.telegram.botToken) missing.push('TELEGRAM_BOT_TOKEN');
    if (!this.config.telegram.botUsername) missing.push('TELEGRAM_BOT_USERNAME');
    return missing;
  }

  async createLink(userId: string): Promise<TelegramLinkDto> {
    const missing = this.missingSettings();
    if (missing.length) throw telegramUnavailable(missing);
    const code = `u_${randomBytes(32).toString('base64url')}`;
    const expiresAt = new Date(Date.now() + LINK_CODE_TTL_MS);
    await this.dataSource.transaction(async (tx) => {
      // one open code per user: a new one replaces the last
      await tx.query(`DELETE FROM user_telegram_link_codes WHERE user_id = $1 AND used_at IS NULL`, [userId]);
      await tx.query(`INSERT INTO user_telegram_link_codes (code_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [hash(code), userId, expiresAt]);
    });
    return { url: `https://t.me/${this.config.telegram.botUsername}?start=${code}`, expiresAt: expiresAt.toISOString() };
  }

  async mine(userId: string): Promise<MyTelegramDto> {
    const [row] = (await this.dataSource.query(`SELECT username, first_name, muted_until FROM user_telegram_chats WHERE user_id = $1`, [userId])) as {
      username: string | null;
      first_name: string | null;
      muted_until: Date | null;
    }[];
    const available = this.missingSettings().length === 0;
    if (!row) return { linked: false, username: null, firstName: null, mutedUntil: null, available };
    const muted = row.muted_until && row.muted_until.getTime() > Date.now() ? row.muted_until.toISOString() : null;
    return { linked: true, username: row.username, firstName: row.first_name, mutedUntil: muted, available };
  }

  async unlinkUser(userId: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_telegram_chats WHERE user_id = $1`, [userId]);
  }

  /**
   * `/start <code>`: claims the code once (unused, unexpired, its user active) and binds this Telegram
   * account's chat to the user; a Telegram account linked to someone else before moves over.
   */
  async redeem(code: string, identity: TelegramAccountIdentity): Promise<LinkOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const [claimed] = (
        (await tx.query(
          `UPDATE user_telegram_link_codes c SET used_at = now()
             FROM users u
            WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now() AND u.id = c.user_id AND NOT u.disabled
           RETURNING c.user_id, u.email`,
          [hash(code)],
        )) as [{ user_id: string; email: string }[], number]
      )[0];
      if (!claimed) {
        const [row] = (await tx.query(`SELECT used_at, expires_at FROM user_telegram_link_codes WHERE code_hash = $1`, [hash(code)])) as {
          used_at: Date | null;
          expires_at: Date;
        }[];
        if (!row) return { kind: 'unknown' } as const;
        return row.used_at ? ({ kind: 'used' } as const) : ({ kind: 'expired' } as const);
      }
      await tx.query(`DELETE FROM user_telegram_chats WHERE telegram_user_id = $1 AND user_id <> $2`, [identity.telegramUserId, claimed.user_id]);
      await tx.query(
        `INSERT INTO user_telegram_chats (user_id, telegram_user_id, chat_id, username, first_name, language_code)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id) DO UPDATE SET telegram_user_id = EXCLUDED.telegram_user_id, chat_id = EXCLUDED.chat_id,
           username = EXCLUDED.username, first_name = EXCLUDED.first_name, language_code = EXCLUDED.language_code,
           muted_until = NULL, linked_at = now()`,
        [claimed.user_id, identity.telegramUserId, identity.chatId, identity.username, identity.firstName, identity.languageCode],
      );
      this.logger.log(`Telegram chat linked to user ${claimed.user_id}`);
      return { kind: 'linked', email: claimed.email } as const;
    });
  }

  /** Mutes the chat of this Telegram account; false when it is not linked to a user. */
  async mute(telegramUserId: number, forMs: number, languageCode: string | null): Promise<Date | null> {
    const until = new Date(Date.now() + forMs);
    const [, count] = (await this.dataSource.query(
      `UPDATE user_telegram_chats SET muted_until = $2, language_code = coalesce($3, language_code) WHERE telegram_user_id = $1`,
      [telegramUserId, until, languageCode],
    )) as [unknown, number];
    return count ? until : null;
  }

  async unmute(telegramUserId: number, languageCode: string | null): Promise<boolean> {
    const [, count] = (await this.dataSource.query(
      `UPDATE user_telegram_chats SET muted_until = NULL, language_code = coalesce($2, language_code) WHERE telegram_user_id = $1`,
      [telegramUserId, languageCode],
    )) as [unknown, number];
    return count > 0;
  }

  async unlinkTelegram(telegramUserId: number): Promise<boolean> {
    const [, count] = (await this.dataSource.query(`DELETE FROM user_telegram_chats WHERE telegram_user_id = $1`, [telegramUserId])) as [unknown, number];
    return count > 0;
  }

  /** The bot was blocked in this chat (403): alerts cannot reach it, so the link goes. */
  async chatBlocked(chatId: number): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_telegram_chats WHERE chat_id = $1`, [chatId]);
    this.logger.warn(`Telegram chat ${chatId} blocked the bot: unlinked`);
  }
}
