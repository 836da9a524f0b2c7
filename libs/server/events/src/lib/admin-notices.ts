import { Injectable, Logger } from '@nestjs/common';

/** Something admins must hear about that is not a fleet event (e.g. "webhook … disabled after 3 days of failures"). */
export interface AdminNotice {
  title: string;
  body: string;
  /** Dashboard route the notice links to, e.g. `/webhooks/<id>`. */
  link: string | null;
}

export type AdminNoticeSink = (notice: AdminNotice) => Promise<void>;

/**
 * Where admin notices go, without the sender knowing the notifications lib: the notifications lib
 * registers the sink (every admin's inbox, their Telegram chat); until one is registered a notice is
 * logged as a warning, never lost silently.
 */
@Injectable()
export class AdminNotices {
  private readonly logger = new Logger(AdminNotices.name);
  private sink: AdminNoticeSink | null = null;

  setSink(sink: AdminNoticeSink): void {
    this.sink = sink;
  }

  async notify(notice: AdminNotice): Promise<void> {
    this.logger.warn(`${notice.title}: ${notice.body}`);
    if (this.sink) await this.sink(notice);
  }
}
