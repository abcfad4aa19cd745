import { useSyncExternalStore } from 'react';

/** One line of the visitor's cart, kept in the browser with what the cart page shows (name, option, price). */
export interface CartItem {
  key: string;
  productId: string;
  productName: string;
  optionLabel: string;
  unitPrice: { amountMinor: number; currency: string };
  quantity: number;
  variantId?: string;
  timeSlotId?: string;
  ticketTypeId?: string;
  /** Merchandise: who sells it, for its delivery options and shipping fee at checkout. */
  merchantId?: string;
}

const KEY = 'chedun.cart';
const listeners = new Set<() => void>();
let items: CartItem[] = read();

function read(): CartItem[] {
  try {
    const raw = localStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as CartItem[]) : [];
  } catch {
    return [];
  }
}

function write(next: CartItem[]): void {
  items = next;
  localStorage.setItem(KEY, JSON.stringify(next));
  listeners.forEach((listener) => listener());
}

export const cart = {
  add(item: Omit<CartItem, 'key'>): void {
    const key = [item.variantId, item.timeSlotId, item.ticketTypeId].filter(Boolean).join(':');
    const existing = items.find((i) => i.key === key);
    write(
      existing
        ? items.map((i) => (i.key === key ? { ...i, quantity: i.quantity + item.quantity } : i))
        : [...items, { ...item, key }],
    );
  },
  setQuantity(key: string, quantity: number): void {
    write(
      quantity <= 0 ? items.filter((i) => i.key !== key) : items.map((i) => (i.key === key ? { ...i, quantity } : i)),
    );
  },
  clear(): void {
    write([]);
  },
};

export function useCart(): CartItem[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => items,
  );
}
