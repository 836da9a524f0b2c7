import { UserEntity } from '@convoy/server/auth';
import { Column, Entity, Index, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';

/** A user's own Telegram chat with the bot (linked from the account page), where their alerts go. */
@Entity({ name: 'user_telegram_chats' })
export class UserTelegramChatEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_telegram_chats_user_id_fkey' })
  user?: UserEntity;

  /** One Convoy user per Telegram account. */
  @Index('user_telegram_chats_telegram_user_key', { unique: true })
  @Column({ name: 'telegram_user_id', type: 'bigint' })
  telegramUserId!: string;

  @Column({ name: 'chat_id', type: 'bigint' })
  chatId!: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  username!: string | null;

  @Column({ name: 'first_name', type: 'varchar', length: 128, nullable: true })
  firstName!: string | null;

  /** Telegram's language_code, refreshed at each command: picks the alerts' language. */
  @Column({ name: 'language_code', type: 'varchar', length: 16, nullable: true })
  languageCode!: string | null;

  @Column({ name: 'muted_until', type: 'timestamptz', nullable: true })
  mutedUntil!: Date | null;

  @Column({ name: 'linked_at', type: 'timestamptz', default: () => 'now()' })
  linkedAt!: Date;
}
