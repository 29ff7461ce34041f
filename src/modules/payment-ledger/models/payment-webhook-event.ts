import { model } from "@medusajs/framework/utils"

/**
 * A provider event (Stripe's `evt_…`) the engine received, however many times it was
 * delivered: `processed_at` is set once it was applied, and later deliveries are only
 * counted. The audit trail of what Stripe said and what the engine did with it.
 */
export const PaymentWebhookEvent = model
  .define("payment_webhook_event", {
    id: model.id({ prefix: "pwhe" }).primaryKey(),
    event_id: model.text().unique(),
    type: model.text(),
    session_id: model.text().nullable(),
    deliveries: model.number().default(1),
    processed_at: model.dateTime().nullable(),
    /** What applying it did ("paid", "already paid", "failed: card_declined", …). */
    outcome: model.text().nullable(),
  })
  .indexes([{ on: ["session_id"] }])
