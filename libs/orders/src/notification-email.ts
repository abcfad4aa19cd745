import { Money } from '@chedun/kernel';
import { EmailMessage } from './email-sender';

type MoneyJson = { amountMinor: number; currency: string };

interface ConfirmationPayload {
  orderId: string;
  total: MoneyJson;
  lines: { productName: string; quantity: number; netMinor: number; slotStartsAt: string | null }[];
  tickets: { code: string; qrPayload: string }[];
}

interface SlotCancelledPayload {
  orderId: string;
  productName: string;
  slotStartsAt: string | null;
  refund: MoneyJson;
  voidedTickets: string[];
}

interface LatePaymentPayload {
  orderId: string;
  refund: MoneyJson | null;
}

const money = (m: MoneyJson | null) => (m ? Money.of(m.amountMinor, m.currency).toString() : '');
const shortId = (id: string) => id.slice(0, 8).toUpperCase();
/** Slot times as a visitor in China reads them. */
const when = (iso: string | null) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' }) : '';

/** The email of a queued notification, in Chinese then English. Unknown kinds are a programming error. */
export function renderNotificationEmail(kind: string, payload: unknown, to: string, recipientName: string): EmailMessage {
  const greeting = `${recipientName}，您好 / Hello ${recipientName},`;
  if (kind === 'ORDER_CONFIRMATION') {
    const p = payload as ConfirmationPayload;
    const lines = p.lines.map((l) => `- ${l.productName} × ${l.quantity}${l.slotStartsAt ? ` (${when(l.slotStartsAt)})` : ''}`);
    const tickets = p.tickets.length > 0 ? ['', '门票 / Tickets (出示二维码或票号入场 / show the QR code or the code at the entrance):', ...p.tickets.map((t) => `- ${t.code}`)] : [];
    return {
      to,
      subject: `订单已确认 Order confirmed #${shortId(p.orderId)}`,
      text: [greeting, '', `您的订单已付款。Your order is paid. 合计 Total: ${money(p.total)}`, '', ...lines, ...tickets, '', '车墩市集 Chedun Market'].join('\n'),
    };
  }
  if (kind === 'SLOT_CANCELLED') {
    const p = payload as SlotCancelledPayload;
    return {
      to,
      subject: `场次已取消，已退款 Session cancelled and refunded #${shortId(p.orderId)}`,
      text: [
        greeting,
        '',
        `很抱歉，${p.productName}（${when(p.slotStartsAt)}）的场次已被取消，${money(p.refund)} 已原路退回。`,
        `We are sorry: ${p.productName} at ${when(p.slotStartsAt)} was cancelled. ${money(p.refund)} is refunded to your original payment method.`,
        '',
        '以下门票已作废 / These tickets are void:',
        ...p.voidedTickets.map((code) => `- ${code}`),
        '',
        '车墩市集 Chedun Market',
      ].join('\n'),
    };
  }
  if (kind === 'LATE_PAYMENT_REFUNDED') {
    const p = payload as LatePaymentPayload;
    return {
      to,
      subject: `付款已退回 Payment refunded #${shortId(p.orderId)}`,
      text: [
        greeting,
        '',
        `您的付款到达时订单已失效，商品已售罄，${money(p.refund)} 已原路退回。`,
        `Your payment arrived after the order had lapsed and the items were gone; ${money(p.refund)} is refunded.`,
        '',
        '车墩市集 Chedun Market',
      ].join('\n'),
    };
  }
  throw new Error(`No email for notifications of kind ${kind}`);
}
