import { engine, unwrap, type Placed } from "./api"

/**
 * POST /cart/checkout with an Idempotency-Key kept per cart: a retry after a lost answer
 * (timeout, reload, double click) replays the first order instead of placing a second.
 * A refusal (4xx) is not remembered by the engine, so the same key can try again.
 */
export async function placeOrder(cartId: string, address: Record<string, string>): Promise<Placed> {
  const storageKey = `checkout_key_${cartId}`
  const key = sessionStorage.getItem(storageKey) ?? crypto.randomUUID()
  sessionStorage.setItem(storageKey, key)
  const placed = unwrap(
    await engine.POST("/cart/checkout", {
      params: { header: { "Idempotency-Key": key } },
      body: {
        shipping_address: {
          first_name: address.first_name,
          last_name: address.last_name,
          address_1: address.address_1,
          city: address.city,
          postal_code: address.postal_code,
          country_code: address.country_code.toLowerCase(),
        },
      },
    })
  )
  sessionStorage.removeItem(storageKey)
  return placed
}

/** Stripe's test cards by their PaymentMethod ids (the fake Stripe knows them too). */
export const TEST_CARDS = [
  ["pm_card_visa", "Visa •••• 4242 (succeeds)"],
  ["pm_card_chargeDeclined", "Visa •••• 0002 (declined)"],
] as const
