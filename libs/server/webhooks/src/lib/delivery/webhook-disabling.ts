import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AdminNotices } from '@convoy/server/events';
import type { DataSource } from 'typeorm';

/**
 * Turning an endpoint off: its pending deliveries fail (the log says why; "Retry" queues them again
 * once it is enabled), and when Convoy did it (410 Gone, ~24 h of failures) the admins hear of it —
 * once, by whichever replica's conditional update switched it off.
 */
@Injectable()
export class WebhookDisabling {
  private readonly logger = new Logger(WebhookDisabling.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly notices: AdminNotices,
  ) {}

  /** Disables the endpoint for `reason`; false when it was already disabled (nothing announced then). */
  async disable(webhookId: string, reason: string): Promise<boolean> {
    const [rows] = (await this.dataSource.query(
      `UPDATE webhooks SET enabled = false, disabled_reason = $2, updated_at = now()
        WHERE id = $1 AND enabled
        RETURNING url, description`,
      [webhookId, reason.slice(0, 500)],
    )) as [{ url: string; description: string }[], number];
    if (rows.length === 0) return false;
    await this.failPending(webhookId, 'the endpoint was disabled');
    const name = rows[0].description || rows[0].url;
    try {
      await this.notices.notify({
        title: 'Webhook disabled',
        body: `Convoy stopped sending to ${name} (${rows[0].url}): ${reason}. Fix the endpoint, then enable it again on the Webhooks page.`,
        link: `/webhooks/${webhookId}`,
      });
    } catch (error) {
      this.logger.error(`Could not tell the admins that webhook ${webhookId} was disabled: ${(error as Error).message}`);
    }
    return true;
  }

  /** Every pending delivery of the endpoint becomes failed with `reason`. */
  async failPending(webhookId: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, lease = NULL, last_error = $2
        WHERE webhook_id = $1 AND status = 'pending'`,
      [webhookId, reason],
    );
  }
}
