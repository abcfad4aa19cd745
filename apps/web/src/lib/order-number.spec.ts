/// <reference types="jest" />
import { orderNumber as emailOrderNumber } from '../../../../libs/kernel/src/order-number';
import { orderNumber } from './order-number';

describe('the order number', () => {
  it.each([
    'a5d3931b-0c1e-4f7a-9b2d-3e4f5a6b7c8d',
    'A5D3931B-0C1E-4F7A-9B2D-3E4F5A6B7C8D',
    '00000000-0000-4000-8000-000000000000',
  ])('the page and the emails print one format for %s', (id) => {
    expect(orderNumber(id)).toBe(emailOrderNumber(id));
    expect(orderNumber(id)).toMatch(/^[0-9A-F]{8}$/);
  });
});
