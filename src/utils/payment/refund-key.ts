/**
 * Idempotency keys of Stripe refunds, derived from the request rather than from Medusa's
 * refund row. Medusa gives the provider its new refund row's id as the key, and deletes
 * the row when the provider call fails: a refund that Stripe made but whose answer was
 * lost (a time-out) would be made again by the retry, under the retry's new row id. A key
 * made of the PaymentIntent, what had been refunded before and the amount is the same for
 * the retry, so Stripe replays the first refund instead.
 *
 * "What had been refunded before" is kept by the engine's Stripe provider in Medusa's
 * `payment.data` (the only state Medusa hands the provider), updated after each refund
 * Stripe confirmed. Two different refunds of one payment then never share a key, provided
 * refunds of a payment run one at a time (the order's lock, docs/PAYMENTS.md): two equal
 * refunds running at once would read the same ledger and share a key.
 */

/** Where `payment.data` keeps what the provider has refunded, in Stripe's smallest unit. */
export const REFUND_LEDGER_KEY = "engine_refunded"

type PaymentData = Record<string, unknown> | undefined

/** What was refunded of the payment before, in the smallest unit (0 before the first refund). */
export function refundedBefore(data: PaymentData): number {
  const value = data?.[REFUND_LEDGER_KEY]
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : 0
}

/** The Stripe idempotency key of refunding `amount` (smallest unit) after `before`. */
export function refundIdempotencyKey(intentId: string, before: number, amount: number): string {
  return `refund:${intentId}:${before}+${amount}`
}

/** `data` with the ledger saying `refunded` (smallest unit) was refunded in all. */
export function withRefundLedger(
  data: Record<string, unknown>,
  refunded: number
): Record<string, unknown> {
  return { ...data, [REFUND_LEDGER_KEY]: refunded }
}

/**
 * Provider answers that replace `payment.data` (a capture or cancellation answers Stripe's
 * PaymentIntent) keep the ledger of the data they replace: losing it would make a later
 * refund's key that of an earlier one, which Stripe would replay without refunding.
 */
export function keepRefundLedger(
  previous: PaymentData,
  next: Record<string, unknown> | undefined
): Record<string, unknown> | undefined {
  const refunded = refundedBefore(previous)
  if (!next || refunded === 0) {
    return next
  }
  return withRefundLedger(next, Math.max(refunded, refundedBefore(next)))
}
