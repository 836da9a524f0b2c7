import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '@convoy/server/config';
import { createTransport, type Transporter } from 'nodemailer';
import { DeliveryError } from './delivery-transports';

/** Alerts by email through SMTP_URL (nodemailer); without it the email channel is off. */
@Injectable()
export class EmailSender implements OnModuleDestroy {
  private readonly logger = new Logger(EmailSender.name);
  private readonly transporter: Transporter | null;

  constructor(private readonly config: AppConfig) {
    const { url } = config.smtp;
    this.transporter = url ? createTransport(url) : null;
  }

  get enabled(): boolean {
    return this.transporter !== null;
  }

  /** `messageId` is stable per alert and recipient, so a mail client can tell a resend is the same mail. */
  async send(to: string, subject: string, text: string, messageId: string): Promise<void> {
    if (!this.transporter) throw new DeliveryError('SMTP_URL is not set', 'permanent');
    try {
      await this.transporter.sendMail({ from: this.config.smtp.from ?? undefined, to, subject, text, messageId });
    } catch (error) {
      const code = (error as { responseCode?: number }).responseCode;
      // 5xx: the server refused this mail for good (no such mailbox…); anything else may pass later
      const kind = code !== undefined && code >= 500 ? 'permanent' : 'transient';
      throw new DeliveryError(`SMTP: ${(error as Error).message}`, kind);
    }
  }

  onModuleDestroy(): void {
    this.transporter?.close();
    this.logger.debug('SMTP transport closed');
  }
}
