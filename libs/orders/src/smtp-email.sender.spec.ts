import { createServer, type Server } from 'node:net';
import { createTransport } from 'nodemailer';
import { renderNotificationEmail } from './notification-email';
import { SmtpEmailSender } from './smtp-email.sender';

/** The headers and the decoded text of a rendered MIME message (single part, base64 UTF-8 body). */
function parse(mime: string): { headers: Record<string, string>; text: string } {
  const [head, ...body] = mime.split('\n\n');
  const headers: Record<string, string> = {};
  for (const line of head!.replace(/\n[ \t]+/g, ' ').split('\n')) {
    const at = line.indexOf(':');
    headers[line.slice(0, at).toLowerCase()] = line.slice(at + 1).trim();
  }
  return { headers, text: Buffer.from(body.join('\n\n').replace(/\s+/g, ''), 'base64').toString('utf8') };
}

/** Decodes RFC 2047 encoded words (=?UTF-8?B?...?= and =?UTF-8?Q?...?=); space between two adjacent words is not text. */
function decodeWords(header: string): string {
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, data: string) =>
      enc.toLowerCase() === 'b'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

const WEB = 'https://shop.example.test';

describe('SmtpEmailSender', () => {
  const confirmation = {
    orderId: '0f3c9a52-6f1e-4c7a-9d55-5c1b2a7e9d10',
    total: { amountMinor: 30000, currency: 'CNY' },
    lines: [
      { productName: '宝莲灯 T 恤', quantity: 1, netMinor: 6000, slotStartsAt: null },
      { productName: '车墩影视基地导览', quantity: 2, netMinor: 24000, slotStartsAt: '2026-12-01T02:00:00.000Z' },
    ],
    tickets: [
      { code: 'ABCDEFGHJKMNPQR2', qrPayload: 'x' },
      { code: 'ZYXWVUTSRQPNMKJ3', qrPayload: 'y' },
    ],
  };

  it('renders an order confirmation as real MIME: recipient, Chinese subject and body in UTF-8, every ticket code', async () => {
    const transport = createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
    const sendMail = jest.spyOn(transport, 'sendMail');
    const sender = new SmtpEmailSender(transport, '车墩市集 <shop@chedun.test>');

    const sent = await sender.send(
      renderNotificationEmail('ORDER_CONFIRMATION', confirmation, 'li.lei@example.test', '李雷', WEB),
    );

    const info = (await sendMail.mock.results[0]!.value) as {
      message: Buffer;
      messageId: string;
      envelope: { to: string[] };
    };
    expect(sent.messageId).toBe(info.messageId);
    expect(info.envelope.to).toEqual(['li.lei@example.test']);
    const { headers, text } = parse(info.message.toString('ascii'));
    expect(headers['to']).toBe('li.lei@example.test');
    expect(decodeWords(headers['from']!)).toBe('车墩市集 <shop@chedun.test>');
    expect(headers['subject']).toMatch(/^=\?UTF-8\?[BQ]\?/);
    expect(decodeWords(headers['subject']!)).toBe('订单已确认 Order confirmed #0F3C9A52');
    expect(headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(headers['content-transfer-encoding']).toBe('base64');
    expect(text).toContain('李雷，您好 / Hello 李雷,');
    expect(text).toContain('合计 Total: CNY 300.00');
    expect(text).toContain('- 车墩影视基地导览 × 2 (2026年12月1日 10:00)');
    expect(text).toContain('- ABCDEFGHJKMNPQR2');
    expect(text).toContain('- ZYXWVUTSRQPNMKJ3');
  });

  it('passes a refused message on as an error, for the outbox to retry', async () => {
    // A transport that refuses, as an SMTP server answering 421 would.
    const transport = createTransport({
      name: 'refusing',
      version: '1',
      send: (_mail, done) => done(new Error('421 try again later'), undefined),
    });
    const sender = new SmtpEmailSender(transport, 'shop@chedun.test');
    await expect(sender.send({ to: 'a@example.test', subject: 's', text: 't' })).rejects.toThrow('421 try again later');
  });

  it('renders the cancellation and late-payment refunds in both languages', () => {
    const cancelled = renderNotificationEmail(
      'SLOT_CANCELLED',
      {
        orderId: confirmation.orderId,
        productName: '导览',
        slotStartsAt: '2026-12-01T02:00:00.000Z',
        refund: { amountMinor: 24000, currency: 'CNY' },
        voidedTickets: ['ABCDEFGHJKMNPQR2'],
      },
      'a@example.test',
      'Ann',
      WEB,
    );
    expect(cancelled.subject).toBe('场次已取消，已退款 Session cancelled and refunded #0F3C9A52');
    expect(cancelled.text).toContain('CNY 240.00 已原路退回');
    expect(cancelled.text).toContain('- ABCDEFGHJKMNPQR2');
    const late = renderNotificationEmail(
      'LATE_PAYMENT_REFUNDED',
      { orderId: confirmation.orderId, refund: { amountMinor: 100, currency: 'CNY' } },
      'a@example.test',
      'Ann',
      WEB,
    );
    expect(late.text).toContain('CNY 1.00 is refunded');
    expect(() => renderNotificationEmail('NEWSLETTER', {}, 'a@example.test', 'Ann', WEB)).toThrow(/NEWSLETTER/);
  });

  it('puts account links in the fragment of a web-app page, in both languages, and greets an address without an account', () => {
    const expiresAt = '2026-12-01T02:00:00.000Z';
    const verify = renderNotificationEmail(
      'EMAIL_VERIFICATION',
      { token: 'tok-1_x', expiresAt },
      'new@example.test',
      'Mei',
      WEB,
    );
    expect(verify.text).toContain(`${WEB}/verify-email#token=tok-1_x`);
    expect(verify.text).toMatch(/请验证|完成验证/);
    expect(verify.text).toContain('If it was not you');
    const invite = renderNotificationEmail(
      'INVITATION',
      {
        token: 'tok-2',
        expiresAt,
        organizationName: '香堤艺术中心 Xiangdi Art Center',
        role: 'OWNER',
        invitedBy: 'owner@example.test',
      },
      'partner@example.test',
      null,
      WEB,
    );
    expect(invite.text.startsWith('您好 / Hello,')).toBe(true);
    expect(invite.text).toContain(`${WEB}/accept-invitation#token=tok-2`);
    expect(invite.text).toContain('partner@example.test');
    const existing = renderNotificationEmail('SIGN_UP_EXISTING_ACCOUNT', {}, 'a@example.test', 'Ann', WEB);
    expect(existing.text).toContain(`${WEB}/login`);
    expect(existing.text).not.toContain('#token=');
    const payout = renderNotificationEmail(
      'PAYOUT_ACCOUNT_CHANGED',
      {
        organizationName: 'Xiangdi',
        previous: 'acct_old12345',
        next: 'acct_new12345',
        changedBy: 'x@example.test',
        at: expiresAt,
      },
      'a@example.test',
      'Ann',
      WEB,
    );
    expect(payout.text).toContain('acct_old12345');
    expect(payout.text).toContain('acct_new12345');
  });

  it('fromUrl loads nodemailer when the first email goes out and delivers it to the SMTP server at that URL', async () => {
    // A few lines of SMTP: enough for nodemailer to hand over one message, which is kept for the assertions.
    const received: string[] = [];
    const server: Server = createServer((socket) => {
      let inData = false;
      let buffered = '';
      socket.write('220 test ESMTP\r\n');
      socket.on('data', (chunk: Buffer) => {
        buffered += chunk.toString('utf8');
        if (inData) {
          const end = buffered.indexOf('\r\n.\r\n');
          if (end < 0) return;
          received.push(buffered.slice(0, end));
          buffered = buffered.slice(end + 5);
          inData = false;
          socket.write('250 queued\r\n');
        }
        let at: number;
        while (!inData && (at = buffered.indexOf('\r\n')) >= 0) {
          const command = buffered.slice(0, at).toUpperCase();
          buffered = buffered.slice(at + 2);
          if (command.startsWith('EHLO') || command.startsWith('HELO')) socket.write('250 test\r\n');
          else if (command.startsWith('DATA')) {
            inData = true;
            socket.write('354 go on\r\n');
          } else if (command.startsWith('QUIT')) socket.end('221 bye\r\n');
          else socket.write('250 ok\r\n');
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const sender = SmtpEmailSender.fromUrl(`smtp://127.0.0.1:${port}`, 'shop@chedun.test');
      const sent = await sender.send({ to: 'li.lei@example.test', subject: '订单确认', text: '谢谢' });
      expect(sent.messageId).toMatch(/@/);
      expect(received).toHaveLength(1);
      expect(received[0]).toContain('To: li.lei@example.test');
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
