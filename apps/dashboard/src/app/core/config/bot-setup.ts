import type { PublicConfigDto } from '@convoy/contracts';

/** The server settings a tracking link needs: the bot answers drivers, its username makes the t.me URL. */
export type BotSetting = 'TELEGRAM_BOT_TOKEN' | 'TELEGRAM_BOT_USERNAME';

/**
 * Which of the bot's settings the server lacks, so every notice (the top banner, the links page, a
 * created link) names the same ones. Empty while the config is unknown: unknown is not "missing".
 */
export function missingBotSettings(config: PublicConfigDto | null): readonly BotSetting[] {
  if (!config) return [];
  const missing: BotSetting[] = [];
  if (!config.botEnabled) missing.push('TELEGRAM_BOT_TOKEN');
  if (!config.botUsername) missing.push('TELEGRAM_BOT_USERNAME');
  return missing;
}
