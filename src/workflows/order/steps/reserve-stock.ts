import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MathBN, MedusaError, Modules } from "@medusajs/framework/utils"
import type { BigNumberInput, ReservationItemDTO } from "@medusajs/framework/types"
import type { ChannelLevel } from "../../../queries/order/stock-availability"
import { inventoryLockKey } from "../../../utils/catalog/locks"
import { totalsPerInventoryItem, type StockNeed } from "../../../utils/order/checkout-cart"
import { CART_LINE_KEY } from "../../../utils/order/checkout-cart"
import {
  CatalogEvents,
  RESYNC_AFTER_ROLLBACK_MS,
  type SyncRequestedData,
} from "../../../modules/catalog/events"
import { productsOfInventoryItems } from "../../../queries/catalog/event-products"
import { loadNumberedLevels } from "../../../queries/order/numbered-levels"

type Level = {
  inventory_item_id: string
  location_id: string
  stocked_quantity: BigNumberInput
  reserved_quantity: BigNumberInput
}

function isLockTimeout(error: unknown): boolean {
  return error instanceof Error && /timed-out acquiring lock/i.test(error.message)
}

/**
 * For each inventory item, the location of the sales channel with the most available that
 * covers the whole need; a 409 naming the product when none does.
 */
function choosePlaces(
  levels: Level[],
  itemIds: string[],
  totals: Map<string, number>,
  needs: StockNeed[]
): Map<string, string> {
  const locationOf = new Map<string, string>()
  for (const itemId of itemIds) {
    const candidates = levels
      .filter((level) => level.inventory_item_id === itemId)
      .map((level) => ({
        location_id: level.location_id,
        available: MathBN.sub(level.stocked_quantity, level.reserved_quantity),
      }))
      .sort((a, b) => (MathBN.gt(a.available, b.available) ? -1 : 1))
    const needed = totals.get(itemId) ?? 0
    const best = candidates[0]
    if (!best || (needed > 0 && MathBN.lt(best.available, needed))) {
      const title = needs.find((need) => need.inventory_item_id === itemId)?.title
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Not enough stock for ${title ?? itemId}: ${needed} requested`
      )
    }
    locationOf.set(itemId, best.location_id)
  }
  return locationOf
}

/** How long a checkout waits for the inventory items' locks before giving up (seconds). */
const LOCK_TIMEOUT_SECONDS = 30

export type ReserveStockInput = {
  sales_channel_id: string | null
  needs: StockNeed[]
  /** The id each cart line's order line will have (plan-order-line-ids.ts). */
  order_line_ids: Record<string, string>
  /** The levels at the channel's locations, read with the cart (checkout-cart.ts). */
  channel_levels: ChannelLevel[]
}

export type HeldReservation = { id: string; line_id: string }

/**
 * What the catalog needs to show the stock this checkout leaves (write-catalog-stock.ts):
 * the free units of each reserved item over all its locations, read under the items' locks
 * once the reservations were made, and the catalog number taken before that read.
 */
export type StockAfterReservation = { version: string; available: Record<string, number> }

export type ReservedStock = { held: HeldReservation[]; stock: StockAfterReservation }

/** Free units per item over all levels, less what was just reserved of it. */
function availableAfter(
  levels: Level[],
  reserved: { inventory_item_id: string; quantity: BigNumberInput }[]
): Record<string, number> {
  const available: Record<string, number> = {}
  for (const level of levels) {
    const free = MathBN.sub(level.stocked_quantity, level.reserved_quantity).toNumber()
    available[level.inventory_item_id] = (available[level.inventory_item_id] ?? 0) + free
  }
  for (const reservation of reserved) {
    const units = MathBN.convert(reservation.quantity).toNumber()
    available[reservation.inventory_item_id] =
      (available[reservation.inventory_item_id] ?? 0) - units
  }
  return available
}

type HeldStock = { reservation_ids: string[]; item_ids: string[] }

/**
 * Reserves the stock of a checkout, or nothing (409). Medusa's checkout validates each line
 * alone and before it locks, so carts racing for the last units, or two lines sharing one
 * inventory item, oversell (medusajs/medusa#16825, #16502). Here every inventory item of
 * the order is locked first (src/utils/catalog/locks.ts: the key Medusa's inventory steps
 * and the catalog's stock edits take; Redis locks when REDIS_URL is set, so they hold
 * across instances), availability is read inside the locks and compared with the summed
 * need per item, and the reservations are written before the locks are released. Each
 * item is reserved at one location of the cart's sales channel that can cover the whole
 * need (the one with the most available). A read before the locks refuses a checkout of
 * what is already sold out without queueing for them; a checkout whose wait for the locks
 * runs out is told the stock is gone when it is, else to try again (both 409).
 */
export const reserveStockStep = createStep(
  "order-reserve-stock",
  async (input: ReserveStockInput, { container }) => {
    if (!input.needs.length) {
      return new StepResponse<ReservedStock, HeldStock>(
        { held: [], stock: { version: "0", available: {} } },
        { reservation_ids: [], item_ids: [] }
      )
    }
    const inventory = container.resolve(Modules.INVENTORY)
    const totals = totalsPerInventoryItem(input.needs)
    const itemIds = [...new Set(input.needs.map((need) => need.inventory_item_id))].sort()
    // The levels at the channel's locations, read with the cart before the locks: a rush
    // on a scarce product queues many checkouts on the same locks, and once it is sold out
    // a late one is refused from this read instead of waiting for its turn. An item
    // without a level at any of the channel's locations is short like a sold-out one.
    const channelLevels = input.channel_levels.filter((level) =>
      itemIds.includes(level.inventory_item_id)
    )
    choosePlaces(channelLevels, itemIds, totals, input.needs)
    const locationIds = new Set(channelLevels.map((level) => level.location_id))
    // Inside the locks, the levels are read again, at every location (the channel's decide
    // where to reserve, all of them what the catalog shows), with the catalog's write
    // number in the same statement (queries/order/numbered-levels.ts).
    const readLevels = () => loadNumberedLevels(container, itemIds)
    const atChannel = (levels: Level[]) =>
      levels.filter((level) => locationIds.has(level.location_id))

    let created: ReservationItemDTO[]
    let stock: StockAfterReservation
    try {
      ;[created, stock] = await container.resolve(Modules.LOCKING).execute(
        itemIds.map(inventoryLockKey),
        async () => {
          const { version, levels } = await readLevels()
          const locationOf = choosePlaces(atChannel(levels), itemIds, totals, input.needs)
          const reservations = await inventory.createReservationItems(
            input.needs.map((need) => ({
              inventory_item_id: need.inventory_item_id,
              location_id: locationOf.get(need.inventory_item_id) as string,
              quantity: need.quantity,
              allow_backorder: need.allow_backorder,
              description: "Held for a pending order",
              // Medusa's cancellation and fulfilment find reservations by their order line.
              line_item_id: input.order_line_ids[need.line_id],
              metadata: { [CART_LINE_KEY]: need.line_id },
            }))
          )
          return [reservations, { version, available: availableAfter(levels, reservations) }] as [
            ReservationItemDTO[],
            StockAfterReservation,
          ]
        },
        { timeout: LOCK_TIMEOUT_SECONDS }
      )
    } catch (error) {
      if (!isLockTimeout(error)) {
        throw error
      }
      // The wait ran out behind other checkouts: say it was sold out when it was.
      choosePlaces(atChannel((await readLevels()).levels), itemIds, totals, input.needs)
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "Too many checkouts of these products at once; please try again"
      )
    }
    const held = created.map((reservation) => ({
      id: reservation.id,
      line_id: String(reservation.metadata?.[CART_LINE_KEY] ?? ""),
    }))
    return new StepResponse<ReservedStock, HeldStock>(
      { held, stock },
      {
        reservation_ids: held.map((reservation) => reservation.id),
        item_ids: itemIds,
      }
    )
  },
  async (heldStock, { container }) => {
    if (!heldStock?.reservation_ids.length) {
      return
    }
    // Under the same locks: deleting a reservation rewrites the level's reserved quantity.
    await container
      .resolve(Modules.LOCKING)
      .execute(
        heldStock.item_ids.map(inventoryLockKey),
        () =>
          container.resolve(Modules.INVENTORY).deleteReservationItems(heldStock.reservation_ids),
        { timeout: LOCK_TIMEOUT_SECONDS }
      )
    // The catalog may already show the reservation (its events leave as it is made) while
    // the events of a rolled-back workflow are dropped: once the rollback is over, the
    // catalog re-reads these products' stock from Medusa, so it converges whatever ran.
    const productIds = [...new Set(await productsOfInventoryItems(container, heldStock.item_ids))]
    if (productIds.length) {
      const data: SyncRequestedData = { product_ids: productIds }
      await container
        .resolve(Modules.EVENT_BUS)
        .emit({ name: CatalogEvents.SYNC_REQUESTED, data }, { delay: RESYNC_AFTER_ROLLBACK_MS })
    }
  }
)
