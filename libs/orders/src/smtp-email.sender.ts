import { createTransport, Transporter } from 'nodemailer';
import { EmailMessage, EmailSender, SentEmail } from './email-sender';

/** Delivers through an SMTP server with nodemailer; the body is base64 UTF-8, so Chinese text survives any relay. */
export class SmtpEmailSender extends EmailSender {
  readonly kind = 'smtp' as const;

  constructor(
    private readonly transport: Transporter,
    private readonly from: string,
  ) {
    super();
  }

  static fromUrl(url: string, from: string): SmtpEmailSender {
    return new SmtpEmailSender(createTransport(url), from);
  }

  async send(message: EmailMessage): Promise<SentEmail> {
    const info = await this.transport.sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      textEncoding: 'base64',
    });
    return { messageId: info.messageId };
  }
}
