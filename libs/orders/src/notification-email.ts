import { Money, orderNumber } from '@chedun/kernel';
import { EmailMessage } from './email-sender';

type MoneyJson = { amountMinor: number; currency: string };

interface ConfirmationPayload {
  orderId: string;
  total: MoneyJson;
  lines: {
    productName: string;
    /** Absent from emails queued before order lines kept the Chinese name, as in every payload below. */
    productNameZh?: string | null;
    quantity: number;
    netMinor: number;
    slotStartsAt: string | null;
    /** Experiences, in confirmations queued since tickets carry their details. */
    slotEndsAt?: string | null;
    ticketTypeName?: string | null;
    ticketTypeNameZh?: string | null;
    venue?: {
      name: string;
      nameZh: string | null;
      address: string | null;
      addressZh: string | null;
      mapUrl: string;
    } | null;
  }[];
  tickets: { code: string; qrPayload: string }[];
  /** Absent from confirmations queued before delivery existed. */
  pickupCodes?: string[];
}

interface SlotCancelledPayload {
  orderId: string;
  productName: string;
  productNameZh?: string | null;
  slotStartsAt: string | null;
  refund: MoneyJson;
  voidedTickets: string[];
}

interface LatePaymentPayload {
  orderId: string;
  refund: MoneyJson | null;
}

interface ShippedPayload {
  orderId: string;
  carrier: string;
  trackingNumber: string;
  lines: { productName: string; productNameZh?: string | null; quantity: number }[];
}

/**
 * A product's or ticket type's name as a bilingual email gives it: `zh` for Chinese sentences (the English name when
 * the payload has no Chinese one), `en` for English sentences, and `both` for lines read in either language, Chinese
 * first and the English after when they differ, as the venue line does.
 */
export function bilingualName(en: string, zh: string | null | undefined): { zh: string; en: string; both: string } {
  const chinese = zh?.trim() ? zh : en;
  return { zh: chinese, en, both: chinese === en ? en : `${chinese} ${en}` };
}

const money = (m: MoneyJson | null) => (m ? Money.of(m.amountMinor, m.currency).toString() : '');
/** Slot times as a visitor in China reads them. */
const when = (iso: string | null) =>
  iso
    ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' })
    : '';

interface LinkPayload {
  token: string;
  expiresAt: string;
}

interface InvitationPayload extends LinkPayload {
  organizationName: string;
  role: 'OWNER' | 'STAFF';
  invitedBy: string;
}

interface PayoutAccountChangedPayload {
  organizationName: string;
  previous: string | null;
  next: string | null;
  changedBy: string;
  at: string;
}

const SIGNATURE = '车墩市集 Chedun Market';
/**
 * The secret rides in the fragment, which browsers never send to a server: it stays out of access logs, proxies
 * and Referer headers; the page reads it and posts it.
 */
const link = (webUrl: string, page: string, token: string) => `${webUrl}/${page}#token=${encodeURIComponent(token)}`;

/**
 * The email of a queued notification, in Chinese then English. Unknown kinds are a programming error. `webUrl` is
 * the web app that emailed links open.
 */
export function renderNotificationEmail(
  kind: string,
  payload: unknown,
  to: string,
  recipientName: string | null,
  webUrl: string,
): EmailMessage {
  const greeting = recipientName ? `${recipientName}，您好 / Hello ${recipientName},` : '您好 / Hello,';
  const account = renderAccountEmail(kind, payload, to, greeting, webUrl);
  if (account) return account;
  if (kind === 'ORDER_CONFIRMATION') {
    const p = payload as ConfirmationPayload;
    const lines = p.lines.flatMap((l) => [
      `- ${bilingualName(l.productName, l.productNameZh).both}${l.ticketTypeName ? ` · ${bilingualName(l.ticketTypeName, l.ticketTypeNameZh).both}` : ''} × ${l.quantity}${l.slotStartsAt ? ` (${when(l.slotStartsAt)}${l.slotEndsAt ? ` – ${when(l.slotEndsAt)}` : ''})` : ''}`,
      ...(l.venue
        ? [
            `  ${[l.venue.nameZh, l.venue.name].filter(Boolean).join(' ')}${l.venue.addressZh || l.venue.address ? `，${l.venue.addressZh ?? l.venue.address}` : ''}`,
            `  地图 Map: ${l.venue.mapUrl}`,
          ]
        : []),
    ]);
    const tickets =
      p.tickets.length > 0
        ? [
            '',
            '门票 / Tickets (出示二维码或票号入场 / show the QR code or the code at the entrance):',
            ...p.tickets.map((t) => `- ${t.code}`),
          ]
        : [];
    const pickups =
      (p.pickupCodes ?? []).length > 0
        ? ['', '自提码 / Pickup codes (到店出示 / show at the shop):', ...p.pickupCodes!.map((c) => `- ${c}`)]
        : [];
    return {
      to,
      subject: `订单已确认 Order confirmed #${orderNumber(p.orderId)}`,
      text: [
        greeting,
        '',
        `您的订单已付款。Your order is paid. 合计 Total: ${money(p.total)}`,
        '',
        ...lines,
        ...tickets,
        ...pickups,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'SLOT_CANCELLED') {
    const p = payload as SlotCancelledPayload;
    const product = bilingualName(p.productName, p.productNameZh);
    return {
      to,
      subject: `场次已取消，已退款 Session cancelled and refunded #${orderNumber(p.orderId)}`,
      text: [
        greeting,
        '',
        `很抱歉，${product.zh}（${when(p.slotStartsAt)}）的场次已被取消，${money(p.refund)} 已原路退回。`,
        `We are sorry: ${product.en} at ${when(p.slotStartsAt)} was cancelled. ${money(p.refund)} is refunded to your original payment method.`,
        '',
        '以下门票已作废 / These tickets are void:',
        ...p.voidedTickets.map((code) => `- ${code}`),
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'LATE_PAYMENT_REFUNDED') {
    const p = payload as LatePaymentPayload;
    return {
      to,
      subject: `付款已退回 Payment refunded #${orderNumber(p.orderId)}`,
      text: [
        greeting,
        '',
        `您的付款到达时订单已失效，商品已售罄，${money(p.refund)} 已原路退回。`,
        `Your payment arrived after the order had lapsed and the items were gone; ${money(p.refund)} is refunded.`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'ORDER_SHIPPED') {
    const p = payload as ShippedPayload;
    return {
      to,
      subject: `订单已发货 Order shipped #${orderNumber(p.orderId)}`,
      text: [
        greeting,
        '',
        `您的商品已由 ${p.carrier} 发出，运单号：${p.trackingNumber}。`,
        `Your items were shipped with ${p.carrier}, tracking number ${p.trackingNumber}.`,
        '',
        ...p.lines.map((l) => `- ${bilingualName(l.productName, l.productNameZh).both} × ${l.quantity}`),
        '',
        `${webUrl}/orders/${p.orderId}`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  const refundRequest = renderRefundRequestEmail(kind, payload, to, greeting, webUrl);
  if (refundRequest) return refundRequest;
  if (kind === 'ORDER_LINE_REFUNDED')
    return renderLineRefundedEmail(payload as LineRefundedPayload, to, greeting, webUrl);
  throw new Error(`No email for notifications of kind ${kind}`);
}

interface RefundRequestPayload {
  orderId: string;
  requestId: string;
  productName: string;
  productNameZh?: string | null;
  quantity: number;
  amount: MoneyJson;
  reason: string;
  status: 'REQUESTED' | 'APPROVED' | 'REFUSED' | 'REFUNDED';
  automatic: boolean;
  decisionReason: string | null;
  /** The merchant's shipping fee given back with the refund; absent from emails queued before fees were refunded. */
  shippingRefund?: MoneyJson | null;
}

/** After-sales: the merchant hears of a buyer's request; the buyer hears the decision (and the merchant's reason). */
function renderRefundRequestEmail(
  kind: string,
  payload: unknown,
  to: string,
  greeting: string,
  webUrl: string,
): EmailMessage | null {
  if (kind !== 'REFUND_REQUESTED' && kind !== 'REFUND_REQUEST_DECIDED') return null;
  const p = payload as RefundRequestPayload;
  const product = bilingualName(p.productName, p.productNameZh);
  const whatZh = `${product.zh} × ${p.quantity} (${money(p.amount)})`;
  const what = `${product.en} × ${p.quantity} (${money(p.amount)})`;
  if (kind === 'REFUND_REQUESTED') {
    return {
      to,
      subject: p.automatic
        ? `退款已按取消政策批准 Refund approved under your cancellation policy #${orderNumber(p.orderId)}`
        : `新的退款申请 New refund request #${orderNumber(p.orderId)}`,
      text: [
        greeting,
        '',
        p.automatic ? `买家申请退款，符合取消政策，已自动批准并退款：${whatZh}` : `买家申请退款：${whatZh}`,
        p.automatic
          ? `A buyer asked for a refund inside your cancellation policy; it was approved and refunded: ${what}`
          : `A buyer asks for a refund: ${what}`,
        `原因 Reason: ${p.reason}`,
        '',
        p.automatic ? '' : `请在商家后台处理 / Decide it in the merchant console: ${webUrl}/merchant`,
        SIGNATURE,
      ].join('\n'),
    };
  }
  const approved = p.status !== 'REFUSED';
  const shipping = approved && p.shippingRefund ? p.shippingRefund : null;
  const back = shipping
    ? money({ amountMinor: p.amount.amountMinor + shipping.amountMinor, currency: p.amount.currency })
    : money(p.amount);
  return {
    to,
    subject: approved
      ? `退款申请已批准 Refund approved #${orderNumber(p.orderId)}`
      : `退款申请未通过 Refund request refused #${orderNumber(p.orderId)}`,
    text: [
      greeting,
      '',
      approved ? `您的退款申请已批准，${back} 将原路退回：${whatZh}` : `商家未同意您的退款申请：${whatZh}`,
      approved
        ? `Your refund request is approved; ${back} goes back to your original payment method: ${what}`
        : `The merchant refused your refund request: ${what}`,
      ...(shipping
        ? [
            `含运费 ${money(shipping)}：该商家的商品均已全额退款且尚未发货，运费一并退回。`,
            `This includes the ${money(shipping)} shipping fee: none of this merchant's goods were shipped and all are refunded, so the fee comes back too.`,
          ]
        : []),
      ...(p.decisionReason ? [`商家说明 The merchant says: ${p.decisionReason}`] : []),
      '',
      `${webUrl}/orders/${p.orderId}`,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

interface LineRefundedPayload {
  orderId: string;
  refundId: string;
  productName: string;
  productNameZh: string | null;
  ticketTypeName: string | null;
  ticketTypeNameZh: string | null;
  /** The line's part. */
  amount: MoneyJson;
  /** The merchant's shipping fee given back in the same refund, or null. */
  shippingRefund: MoneyJson | null;
}

/** The buyer hears of a refund the merchant (or the platform) made without being asked: what, how much, and the shipping fee with it. */
function renderLineRefundedEmail(p: LineRefundedPayload, to: string, greeting: string, webUrl: string): EmailMessage {
  const product = bilingualName(p.productName, p.productNameZh);
  const type = p.ticketTypeName ? bilingualName(p.ticketTypeName, p.ticketTypeNameZh) : null;
  const zh = type ? `${product.zh} · ${type.zh}` : product.zh;
  const en = type ? `${product.en} · ${type.en}` : product.en;
  const shipping = p.shippingRefund && p.shippingRefund.amountMinor > 0 ? p.shippingRefund : null;
  const total = money(
    shipping ? { amountMinor: p.amount.amountMinor + shipping.amountMinor, currency: p.amount.currency } : p.amount,
  );
  return {
    to,
    subject: `订单已退款 Refund on your order #${orderNumber(p.orderId)}`,
    text: [
      greeting,
      '',
      `您的订单有一笔退款：${zh}，${money(p.amount)}。共 ${total} 将原路退回。`,
      `A refund was made on your order: ${en}, ${money(p.amount)}. ${total} in all goes back to your original payment method.`,
      ...(shipping
        ? [
            `含运费 ${money(shipping)}：该商家的商品均已全额退款且尚未发货，运费一并退回。`,
            `This includes the ${money(shipping)} shipping fee: none of this merchant's goods were shipped and all are refunded, so the fee comes back too.`,
          ]
        : []),
      '',
      `${webUrl}/orders/${p.orderId}`,
      '',
      SIGNATURE,
    ].join('\n'),
  };
}

interface SalesReportDisputedPayload {
  organizationName: string;
  studioName: string;
  licenseId: string;
  month: string;
  reason: string;
}

interface SalesReportReminderPayload {
  organizationName: string;
  licenseId: string;
  month: string;
}

function renderAccountEmail(
  kind: string,
  payload: unknown,
  to: string,
  greeting: string,
  webUrl: string,
): EmailMessage | null {
  if (kind === 'EMAIL_VERIFICATION') {
    const p = payload as LinkPayload;
    return {
      to,
      subject: '请验证您的邮箱 Verify your email address',
      text: [
        greeting,
        '',
        `有人用此邮箱注册了车墩市集账号。如果是您本人，请在 ${when(p.expiresAt)} 前打开以下链接完成验证（仅可使用一次）：`,
        `Someone signed up to Chedun Market with this address. If it was you, open this link before ${when(p.expiresAt)} (it works once):`,
        '',
        link(webUrl, 'verify-email', p.token),
        '',
        '如果不是您本人，请忽略此邮件，账号不会生效。',
        'If it was not you, ignore this email: the account stays unusable.',
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'SIGN_UP_EXISTING_ACCOUNT') {
    return {
      to,
      subject: '有人尝试用您的邮箱注册 Someone tried to sign up with your address',
      text: [
        greeting,
        '',
        '刚才有人尝试用此邮箱注册车墩市集，但此邮箱已有账号，我们没有做任何更改。',
        'Someone just tried to sign up to Chedun Market with this address. It already has an account, so nothing was changed.',
        '',
        `如果是您本人，请直接登录：${webUrl}/login`,
        `If it was you, log in instead: ${webUrl}/login`,
        '如果不是，请忽略此邮件。 If it was not, ignore this email.',
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'INVITATION') {
    const p = payload as InvitationPayload;
    const roleZh = p.role === 'OWNER' ? '所有者' : '员工';
    return {
      to,
      subject: `邀请您加入 ${p.organizationName} Invitation to join ${p.organizationName}`,
      text: [
        greeting,
        '',
        `${p.invitedBy} 邀请您以${roleZh}身份加入车墩市集上的 ${p.organizationName}。`,
        `${p.invitedBy} invites you to join ${p.organizationName} on Chedun Market as ${p.role.toLowerCase()}.`,
        '',
        `请用此邮箱（${to}）登录并完成邮箱验证后，在 ${when(p.expiresAt)} 前打开以下链接接受邀请（仅可使用一次）：`,
        `Log in with this address (${to}), verified, and open this link before ${when(p.expiresAt)} to accept (it works once):`,
        '',
        link(webUrl, 'accept-invitation', p.token),
        '',
        '如果您不认识邀请人，请忽略此邮件。 If you do not know who invited you, ignore this email.',
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'PAYOUT_ACCOUNT_CHANGED') {
    const p = payload as PayoutAccountChangedPayload;
    const none = '（无 none）';
    return {
      to,
      subject: `${p.organizationName} 的收款账户已更改 Payout account changed`,
      text: [
        greeting,
        '',
        `${p.changedBy} 于 ${when(p.at)} 更改了 ${p.organizationName} 的收款账户（Stripe）。`,
        `${p.changedBy} changed the payout account (Stripe) of ${p.organizationName} at ${when(p.at)}.`,
        '',
        `原账户 Before: ${p.previous ?? none}`,
        `新账户 After: ${p.next ?? none}`,
        '',
        '如果这不是您的团队所为，请立即登录检查并更正，并联系平台。',
        'If nobody in your team did this, log in, put it right and contact the platform at once.',
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'SALES_REPORT_DISPUTED') {
    const p = payload as SalesReportDisputedPayload;
    return {
      to,
      subject: `${p.month} 的销售报告有异议 Sales report for ${p.month} disputed`,
      text: [
        greeting,
        '',
        `${p.studioName} 对 ${p.organizationName} 在授权 ${p.licenseId} 下 ${p.month} 的销售报告提出异议。`,
        `${p.studioName} disputed the sales report of ${p.organizationName} under license ${p.licenseId} for ${p.month}.`,
        '',
        `异议原因 Reason: ${p.reason}`,
        '',
        `请在商家后台修改后重新提交 Revise and resubmit it in the merchant console: ${webUrl}/merchant?tab=sales-reports`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  if (kind === 'SALES_REPORT_REMINDER') {
    const p = payload as SalesReportReminderPayload;
    return {
      to,
      subject: `请提交 ${p.month} 的销售报告 Sales report for ${p.month} due`,
      text: [
        greeting,
        '',
        `${p.organizationName} 尚未提交授权 ${p.licenseId} 在 ${p.month} 的平台外销售报告（门店、其他商店）。没有销售也请提交“本月无销售”。`,
        `${p.organizationName} has not yet reported the sales outside Chedun Market (own venue, other shops) under license ${p.licenseId} for ${p.month}. If nothing sold, send a nil report.`,
        '',
        `请在商家后台填写或上传表格 Report in the merchant console, by form or spreadsheet: ${webUrl}/merchant?tab=sales-reports`,
        '',
        SIGNATURE,
      ].join('\n'),
    };
  }
  return null;
}
