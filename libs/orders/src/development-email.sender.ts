import { Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EmailMessage, EmailSender, SentEmail } from './email-sender';

/** Without SMTP_URL: the message is logged, and stays readable through devNotifications. */
export class DevelopmentEmailSender extends EmailSender {
  readonly kind = 'development' as const;
  private readonly logger = new Logger(DevelopmentEmailSender.name);

  async send(message: EmailMessage): Promise<SentEmail> {
    const messageId = `<dev-${randomUUID()}@chedun.local>`;
    this.logger.log({ messageId, to: message.to, subject: message.subject }, 'Development email (not sent)');
    return { messageId };
  }
}
