import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { CART_LINE_KEY } from "../../../utils/order/checkout-cart"
import type { HeldReservation } from "./reserve-stock"

export type AttachReservationsInput = {
  reservations: HeldReservation[]
  order_items: { id: string; metadata?: Record<string, unknown> | null }[]
}

/**
 * Points each reservation at the order item made from its cart line, which is what
 * Medusa's cancellation (deleteReservationsByLineItems) and fulfilment look up.
 * Compensation detaches them again (the reserve step's compensation then deletes them).
 */
export const attachReservationsStep = createStep(
  "order-attach-reservations",
  async (input: AttachReservationsInput, { container }) => {
    const itemOfLine = new Map(
      input.order_items.map((item) => [String(item.metadata?.[CART_LINE_KEY] ?? ""), item.id])
    )
    const updates = input.reservations
      .filter((reservation) => itemOfLine.has(reservation.line_id))
      .map((reservation) => ({
        id: reservation.id,
        line_item_id: itemOfLine.get(reservation.line_id) as string,
      }))
    if (updates.length) {
      await container.resolve(Modules.INVENTORY).updateReservationItems(updates)
    }
    return new StepResponse(
      undefined,
      updates.map((update) => update.id)
    )
  },
  async (reservationIds, { container }) => {
    if (reservationIds?.length) {
      await container
        .resolve(Modules.INVENTORY)
        .updateReservationItems(reservationIds.map((id) => ({ id, line_item_id: null })))
    }
  }
)
