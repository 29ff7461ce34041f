import type { MedusaContainer } from "@medusajs/framework/types"
import { expireOrderHolds } from "../tasks/order/expire-holds"

/**
 * Every minute: unpaid orders whose stock hold (ORDER_HOLD_MINUTES) ended are cancelled
 * and their stock released (src/tasks/order/expire-holds.ts).
 */
export default async function expireHeldOrders(container: MedusaContainer): Promise<void> {
  await expireOrderHolds(container)
}

export const config = {
  name: "order-expire-holds",
  schedule: process.env.ORDER_EXPIRY_SCHEDULE || "* * * * *",
}
