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
