/** One email, already rendered; the sender only delivers it. */
export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface SentEmail {
  messageId: string;
}

/**
 * The port notifications are delivered through. A sender throws when the message was not accepted; the outbox
 * worker then retries it later.
 */
export abstract class EmailSender {
  abstract readonly kind: 'development' | 'smtp';
  abstract send(message: EmailMessage): Promise<SentEmail>;
}
