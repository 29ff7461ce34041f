import type { MedusaContainer } from "@medusajs/framework/types"
import { reconcilePayments } from "../tasks/payment/reconcile"

/**
 * Every 10 minutes (PAYMENT_RECONCILE_SCHEDULE): payments and orders are compared and
 * what is safe is fixed (src/tasks/payment/reconcile.ts).
 */
export default async function reconcilePaymentsJob(container: MedusaContainer): Promise<void> {
  await reconcilePayments(container)
}

export const config = {
  name: "payment-reconcile",
  schedule: process.env.PAYMENT_RECONCILE_SCHEDULE || "*/10 * * * *",
}
