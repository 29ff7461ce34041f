import type { InferTypeOf } from "@medusajs/framework/types"
import type { DELIVERY_STATUSES, NotificationDelivery } from "./models/notification-delivery"
import type { LowStockAlert } from "./models/low-stock-alert"

export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number]

/** A row as the service's SQL returns it (without `deleted_at`). */
export type NotificationDeliveryRecord = Omit<
  InferTypeOf<typeof NotificationDelivery>,
  "deleted_at"
>
export type LowStockAlertRecord = Omit<InferTypeOf<typeof LowStockAlert>, "deleted_at">

/** A claim on a message's key, or why there is none (sent, or being sent elsewhere). */
export type DeliveryClaim = {
  claim: NotificationDeliveryRecord | null
  status: DeliveryStatus
}

export type LowStockCrossing = {
  crossing_key: string
  product_id: string
  stock_quantity: number
  threshold: number
}
