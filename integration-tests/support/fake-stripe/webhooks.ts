/**
 * Webhook deliveries, signed exactly as Stripe signs them (`t=<unix>,v1=<hmac>` over
 * `<t>.<payload>`), using the stripe client's own helper so the engine's verification with
 * `stripe.webhooks.constructEvent` is exercised for real.
 */
import Stripe from "stripe"
import type { StripeEvent } from "./store"

/** Stripe gives up on an endpoint that does not answer within this time. */
const DELIVERY_TIMEOUT_MS = 10_000

export function signatureHeader(payload: string, secret: string, timestamp?: number): string {
  return Stripe.webhooks.generateTestHeaderString({ payload, secret, timestamp })
}

/** Stripe sends events pretty-printed with two spaces. */
export function eventPayload(event: StripeEvent): string {
  return JSON.stringify(event, null, 2)
}

/** POSTs one signed delivery; resolves with the receiver's HTTP status. */
export async function postWebhook(
  url: string,
  payload: string,
  signature: string
): Promise<number> {
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Stripe-Signature": signature,
      "User-Agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
    },
    body: payload,
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  })
  // Drain the body so the connection is released.
  await response.arrayBuffer()
  return response.status
}
