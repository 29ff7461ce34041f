/**
 * Whether an event can be news for the attempt: any PaymentIntent event but its creation.
 * A new intent waits for a payment method, as the attempt already does; whatever happens
 * to the intent next (succeeded, requires_action, payment_failed, canceled, processing,
 * amount_capturable_updated) has an event of its own. Every checkout's intent sends one,
 * and settling it cost ≈ 23 statements and a call to Stripe to change nothing.
 */
export function settlesAttempt(eventType: string): boolean {
  return eventType.startsWith("payment_intent.") && eventType !== "payment_intent.created"
}

/**
 * The metadata the engine's checkout puts on the PaymentIntents it opens (Stripe copies it
 * to their charges and sends it with every event about them). Events about these intents
 * are applied by the engine alone (src/workflows/payment/apply-payment-webhook.ts), not
 * also by Medusa's `processPaymentWorkflow`: see `settledByEngine`.
 */
export const ENGINE_INTENT_METADATA = { opened_by: "engine-checkout" } as const

/**
 * Whether a Stripe event is about a PaymentIntent the engine's checkout opened. Medusa's
 * own webhook handler is then told the event is not supported: for these payments it would
 * authorize or capture beside the engine's settlement (a second writer of one payment, and
 * ≈ 24 statements per order to find nothing to do), while the engine settles the attempt
 * from Stripe's live state under its payment locks. Intents opened elsewhere (Medusa's
 * /store flow, earlier releases) keep Medusa's handling.
 */
export function settledByEngine(eventObject: unknown): boolean {
  const metadata = (eventObject as { metadata?: Record<string, unknown> } | null)?.metadata
  return metadata?.opened_by === ENGINE_INTENT_METADATA.opened_by
}
