import { randomUUID } from "node:crypto"
import type { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { CatalogEvents, type StockLowData } from "../modules/catalog/events"
import { recordLowStockAlertWorkflow } from "../workflows/notification/record-low-stock-alert"

/**
 * A product fell below the low-stock threshold: record the crossing (once, however often
 * the event arrives: the catalog sync that saw it names it) for the admins' digest.
 */
export default async function recordLowStockAlert({
  event,
  container,
}: SubscriberArgs<StockLowData>): Promise<void> {
  const { product_id, stock_quantity, threshold, sync_version } = event.data
  await recordLowStockAlertWorkflow(container).run({
    input: {
      // Without the sync's number (an event from before it was added) the crossing cannot
      // be recognised again: it is recorded as new.
      crossing_key: `${product_id}:${sync_version ?? randomUUID()}`,
      product_id,
      stock_quantity,
      threshold,
    },
  })
}

export const config: SubscriberConfig = {
  event: CatalogEvents.STOCK_LOW,
  context: { subscriberId: "engine-record-low-stock-alert" },
}
