import type { Transporter } from 'nodemailer';
import { EmailMessage, EmailSender, SentEmail } from './email-sender';

/** Delivers through an SMTP server with nodemailer; the body is base64 UTF-8, so Chinese text survives any relay. */
export class SmtpEmailSender extends EmailSender {
  readonly kind = 'smtp' as const;

  private transport: Transporter | Promise<Transporter> | undefined;

  /** `transport`, or how to make it: `fromUrl` loads nodemailer on the first email, not at start (#18). */
  constructor(
    private readonly makeTransport: Transporter | (() => Promise<Transporter>),
    private readonly from: string,
  ) {
    super();
  }

  static fromUrl(url: string, from: string): SmtpEmailSender {
    return new SmtpEmailSender(() => import('nodemailer').then(({ createTransport }) => createTransport(url)), from);
  }

  async send(message: EmailMessage): Promise<SentEmail> {
    this.transport ??= typeof this.makeTransport === 'function' ? this.makeTransport() : this.makeTransport;
    const info = await (
      await this.transport
    ).sendMail({
      from: this.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      textEncoding: 'base64',
    });
    return { messageId: info.messageId };
  }
}
