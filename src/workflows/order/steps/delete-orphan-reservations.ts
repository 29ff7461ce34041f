import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type {
  FilterableReservationItemProps,
  MedusaContainer,
  ReservationItemDTO,
} from "@medusajs/framework/types"
import { inventoryLockKey } from "../../../utils/catalog/locks"
import { CART_LINE_KEY } from "../../../utils/order/checkout-cart"

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

/** Reservations without an order line read per page while looking for checkout's. */
const PAGE = 200
/** Pages one run reads: manual reservations without a line are kept and paged past. */
const MAX_PAGES = 20
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

function isCheckoutOrphan(reservation: Pick<ReservationItemDTO, "metadata">): boolean {
  return typeof reservation.metadata?.[CART_LINE_KEY] === "string"
}

/** Old reservations without an order line: `line_item_id` null and created before `before`. */
async function listUnattached(
  container: MedusaContainer,
  filters: { before: string; ids?: string[] },
  skip: number,
  take: number
): Promise<DeletedReservation[]> {
  const selector = {
    line_item_id: null,
    created_at: { $lt: filters.before },
    ...(filters.ids ? { id: filters.ids } : {}),
  } as unknown as FilterableReservationItemProps
  return container
    .resolve(Modules.INVENTORY)
    .listReservationItems(selector, { select: FIELDS, order: { created_at: "ASC" }, skip, take })
}

/**
 * Deletes the reservations checkout made (they carry the cart line in their metadata,
 * reserve-stock.ts) that never got their order line (attach-reservations.ts): what a
 * checkout that crashed between reserving and finishing leaves behind, holding stock no
 * order will ever release. Only those older than the grace period, so a checkout still
 * running keeps its reservations. The delete runs under the inventory items' locks (it
 * rewrites the levels' reserved quantity, like every other stock writer) and re-reads the
 * candidates inside them, so one attached meanwhile is left alone. Reservations made by
 * hand (Medusa's dashboard) carry no cart line and are never touched. Compensation
 * recreates what was deleted.
 */
export const deleteOrphanReservationsStep = createStep(
  "order-delete-orphan-reservations",
  async (input: DeleteOrphanReservationsInput, { container }) => {
    const candidates: DeletedReservation[] = []
    for (let page = 0; page < MAX_PAGES && candidates.length < input.limit; page++) {
      const batch = await listUnattached(container, input, page * PAGE, PAGE)
      candidates.push(...batch.filter(isCheckoutOrphan))
      if (batch.length < PAGE) {
        break
      }
    }
    const chosen = candidates.slice(0, input.limit)
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
        const still = (await listUnattached(container, { ...input, ids }, 0, ids.length)).filter(
          isCheckoutOrphan
        )
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
