import { model } from "@medusajs/framework/utils"

export const DELIVERY_STATUSES = ["sending", "sent", "failed"] as const

/**
 * One message to one recipient for one cause (`key`: `<event>:<cause id>:<recipient>`),
 * however often its event is delivered. Claimed (`sending`) before the notification module
 * sends it, `sent` afterwards, `failed` when the send failed, so that the event bus's
 * retry claims it again. A `sending` row older than the lease (a process that died while
 * sending) may be claimed again too.
 */
export const NotificationDelivery = model
  .define("notification_delivery", {
    id: model.id({ prefix: "ndel" }).primaryKey(),
    key: model.text().unique(),
    status: model.enum([...DELIVERY_STATUSES]),
    attempts: model.number().default(0),
    claimed_at: model.dateTime(),
    sent_at: model.dateTime().nullable(),
    /** The notification module's record of the successful send. */
    notification_id: model.text().nullable(),
    last_error: model.text().nullable(),
  })
  .indexes([{ on: ["status", "claimed_at"] }])
