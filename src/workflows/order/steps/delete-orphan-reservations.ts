import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { MedusaContainer, ReservationItemDTO } from "@medusajs/framework/types"
import { inventoryLockKey } from "../../../utils/catalog/locks"
import { findOrphanReservationIds } from "../../../queries/order/orphan-reservations"

export type DeleteOrphanReservationsInput = {
  /** Reservations created before this instant (ISO) are old enough to be orphans. */
  before: string
  /** At most this many are deleted per run (the run keeps them in memory for its undo). */
  limit: number
}

type DeletedReservation = Pick<
  ReservationItemDTO,
  | "id"
  | "inventory_item_id"
  | "location_id"
  | "quantity"
  | "allow_backorder"
  | "description"
  | "metadata"
>

export type OrphanSweep = { reservations: DeletedReservation[]; inventory_item_ids: string[] }

const LOCK_TIMEOUT_SECONDS = 30

const FIELDS: (keyof DeletedReservation)[] = [
  "id",
  "inventory_item_id",
  "location_id",
  "quantity",
  "allow_backorder",
  "description",
  "metadata",
]

/** The orphans among `filters`, with what compensation needs to recreate them. */
async function listOrphans(
  container: MedusaContainer,
  filters: { before: string; ids?: string[] },
  limit: number
): Promise<DeletedReservation[]> {
  const ids = await findOrphanReservationIds(container, filters, limit)
  if (!ids.length) {
    return []
  }
  return container
    .resolve(Modules.INVENTORY)
    .listReservationItems({ id: ids }, { select: FIELDS, order: { created_at: "ASC" } })
}

/**
 * Deletes the reservations checkout made (they carry the cart line in their metadata,
 * reserve-stock.ts) whose order line was never written: what a checkout that crashed
 * between reserving and finishing leaves behind, holding stock no
 * order will ever release. Only those older than the grace period, so a checkout still
 * running keeps its reservations. The delete runs under the inventory items' locks (it
 * rewrites the levels' reserved quantity, like every other stock writer) and re-reads the
 * candidates inside them, so one whose order was written meanwhile is left alone. Reservations made by
 * hand (Medusa's dashboard) carry no cart line and are never touched. Compensation
 * recreates what was deleted.
 */
export const deleteOrphanReservationsStep = createStep(
  "order-delete-orphan-reservations",
  async (input: DeleteOrphanReservationsInput, { container }) => {
    const chosen = await listOrphans(container, input, input.limit)
    if (!chosen.length) {
      return new StepResponse<OrphanSweep, OrphanSweep>({
        reservations: [],
        inventory_item_ids: [],
      })
    }
    const itemIds = [...new Set(chosen.map((reservation) => reservation.inventory_item_id))].sort()
    const inventory = container.resolve(Modules.INVENTORY)
    const deleted = await container.resolve(Modules.LOCKING).execute(
      itemIds.map(inventoryLockKey),
      async () => {
        const ids = chosen.map((reservation) => reservation.id)
        const still = await listOrphans(container, { ...input, ids }, ids.length)
        if (still.length) {
          await inventory.deleteReservationItems(still.map((reservation) => reservation.id))
        }
        return still
      },
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
    const sweep: OrphanSweep = {
      reservations: deleted,
      inventory_item_ids: [...new Set(deleted.map((r) => r.inventory_item_id))],
    }
    return new StepResponse(sweep, sweep)
  },
  async (sweep, { container }) => {
    if (!sweep?.reservations.length) {
      return
    }
    await container.resolve(Modules.LOCKING).execute(
      sweep.inventory_item_ids.map(inventoryLockKey),
      () =>
        container.resolve(Modules.INVENTORY).createReservationItems(
          sweep.reservations.map((reservation) => ({
            inventory_item_id: reservation.inventory_item_id,
            location_id: reservation.location_id,
            quantity: reservation.quantity,
            allow_backorder: reservation.allow_backorder,
            description: reservation.description ?? undefined,
            metadata: reservation.metadata ?? undefined,
          }))
        ),
      { timeout: LOCK_TIMEOUT_SECONDS }
    )
  }
)
