/**
 * Marks the transient cart behind a direct order (POST /orders/): it is priced and checked
 * out like any cart but is never the customer's open cart.
 */
export const DIRECT_ORDER_METADATA = { direct_order: true } as const

export function isDirectOrderCart(cart: { metadata?: Record<string, unknown> | null }): boolean {
  return cart.metadata?.direct_order === true
}
