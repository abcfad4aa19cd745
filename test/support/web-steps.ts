import { readFileSync } from 'node:fs';
import { orderNumber } from '@chedun/kernel';
import type { Locator, Page } from 'playwright-core';

/**
 * Steps of the storefront and merchant console that several browser journeys take, written once: the Chinese
 * labels a visitor and a merchant read, so a journey says what they do rather than which field they fill.
 */

export interface ShippingAddress {
  recipient: string;
  phone: string;
  province: string;
  city: string;
  district: string;
  street: string;
}

export const SONGJIANG_ADDRESS: ShippingAddress = {
  recipient: '王小明',
  phone: '13800138000',
  province: '上海市',
  city: '上海市',
  district: '松江区',
  street: '车墩镇影视路 1 号',
};

/** The merchant's delivery options (tab `delivery`): pickup at its address, and shipping for a fee, free from a sum. */
export async function offerShipping(
  page: Page,
  options: { pickupAddress: string; feeYuan: string; freeFromYuan: string },
): Promise<void> {
  const form = page.getByTestId('delivery-options');
  await form.getByLabel('支持到店自提').waitFor();
  await form.getByLabel('自提地址（买家可见）').fill(options.pickupAddress);
  await form.getByLabel('支持快递配送').check();
  await form.getByLabel('每单运费（元，0 为包邮）').fill(options.feeYuan);
  await form.getByLabel('满额包邮（元，选填）').fill(options.freeFromYuan);
  await form.getByRole('button', { name: '保存' }).click();
  await form.getByRole('status').getByText('已保存。').waitFor();
}

/** In the cart: chooses shipping and types the address. */
export async function shipTo(page: Page, address: ShippingAddress): Promise<Locator> {
  const delivery = page.getByTestId('delivery-choice');
  await delivery.getByLabel('快递配送').check();
  await delivery.getByLabel('收货人').fill(address.recipient);
  await delivery.getByLabel('手机号码').fill(address.phone);
  await delivery.getByLabel('省份').fill(address.province);
  await delivery.getByLabel('城市').fill(address.city);
  await delivery.getByLabel('区/县').fill(address.district);
  await delivery.getByLabel('详细地址').fill(address.street);
  return delivery;
}

/** On the order page: pays through the development gateway and waits for the order to be paid. */
export async function payInDevelopment(page: Page): Promise<void> {
  await page.getByTestId('order-status').getByText('待支付').waitFor();
  await page.getByRole('button', { name: '确认支付（开发环境）' }).click();
  await page.getByTestId('order-status').getByText('已支付').waitFor();
}

/** On the order page: downloads the tickets' calendar file; its name and text. */
export async function downloadCalendar(page: Page): Promise<{ filename: string; ics: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('add-to-calendar').click()]);
  return { filename: download.suggestedFilename(), ics: readFileSync((await download.path())!, 'utf8') };
}

/** The card of an order in the merchant console's orders tab, found by the order number it shows. */
export function merchantOrder(page: Page, orderId: string): Locator {
  return page.getByTestId('merchant-order').filter({ hasText: orderNumber(orderId) });
}

/** On the merchant's order card: the buyer's address, then the packing slip with `units` of the goods. */
export async function printPackingSlip(order: Locator, address: ShippingAddress, units: number): Promise<void> {
  await order.getByTestId('ship-to').getByText(`${address.recipient} ${address.phone}`).waitFor();
  await order.getByRole('button', { name: '装箱单' }).click();
  await order.getByTestId('packing-slip').getByText(`× ${units}`).waitFor();
}

/** On one of the merchant's order cards: ships its goods with carrier and tracking number. */
export async function shipWithTracking(order: Locator, carrier: string, trackingNumber: string): Promise<void> {
  await order.getByLabel('快递公司').fill(carrier);
  await order.getByLabel('运单号').fill(trackingNumber);
  await order.getByRole('button', { name: '发货' }).click();
}

/** On the buyer's order page, one line's card: asks for a refund with a reason (of `units` of it, when given). */
export async function requestRefund(
  line: Locator,
  reason: string,
  options: { units?: number; beforeSending?(): Promise<void> } = {},
): Promise<void> {
  await line.getByTestId('request-refund').click();
  if (options.units !== undefined) await line.getByLabel('数量').fill(String(options.units));
  await line.getByLabel('退款原因').fill(reason);
  await options.beforeSending?.();
  await line.getByRole('button', { name: '提交申请' }).click();
}
