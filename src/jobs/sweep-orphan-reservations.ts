import type { MedusaContainer } from "@medusajs/framework/types"
import { sweepOrphanReservations } from "../tasks/order/sweep-orphan-reservations"

/**
 * Every five minutes: reservations of checkouts that crashed between reserving and
 * finishing are deleted once older than ORPHAN_RESERVATION_GRACE_MINUTES, and the stock
 * comes back (src/tasks/order/sweep-orphan-reservations.ts).
 */
export default async function sweepOrphanCheckoutReservations(
  container: MedusaContainer
): Promise<void> {
  await sweepOrphanReservations(container)
}

export const config = {
  name: "order-sweep-orphan-reservations",
  schedule: process.env.ORPHAN_RESERVATION_SWEEP_SCHEDULE || "*/5 * * * *",
}
