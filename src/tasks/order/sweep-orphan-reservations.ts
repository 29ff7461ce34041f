import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { orderSettings } from "../../config/order"
import { sweepOrphanReservationsWorkflow } from "../../workflows/order/sweep-orphan-reservations"

/** Reservations per workflow run; runs repeat until one comes back short. */
export const SWEEP_BATCH_SIZE = 100

/**
 * Deletes checkout reservations older than the grace period that never got their order
 * line, giving their stock back (sweepOrphanReservationsWorkflow). Returns their ids.
 */
export async function sweepOrphanReservations(
  container: MedusaContainer,
  now: Date = new Date(),
  graceMinutes: number = orderSettings().orphanReservationGraceMinutes
): Promise<string[]> {
  const before = new Date(now.getTime() - graceMinutes * 60_000).toISOString()
  const swept: string[] = []
  for (;;) {
    const { result } = await sweepOrphanReservationsWorkflow(container).run({
      input: { before, limit: SWEEP_BATCH_SIZE },
    })
    swept.push(...result.reservations.map((reservation) => reservation.id))
    if (result.reservations.length < SWEEP_BATCH_SIZE) {
      break
    }
  }
  if (swept.length) {
    container
      .resolve(ContainerRegistrationKeys.LOGGER)
      .warn(`orders: released ${swept.length} reservation(s) of checkouts that never finished`)
  }
  return swept
}
