import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import {
  loadCartChangeContext,
  type CartChangeContext,
} from "../../../queries/order/cart-change-context"

/** A change that reached a cart a checkout completed meanwhile: the caller may use a new cart. */
export const CART_CHECKED_OUT = "The cart was checked out meanwhile"

export type CartForChange = Omit<CartChangeContext, "completed_at" | "customer_group_ids"> & {
  /** The pricing context's customer, as Medusa's cart workflows pass it. */
  customer: { id: string; groups: { id: string }[] } | null
}

/**
 * The cart a line change needs, and whether the change needs Medusa's refresh, in one
 * read (queries/order/cart-change-context.ts). 404 for an unknown cart; a completed one is
 * CART_CHECKED_OUT (409). Given `item_id` (a change to one line, read under the cart's
 * lock), a line no longer in the open cart — removed meanwhile, or its cart checked out —
 * is a 404 like any line that is not the customer's. Reads only.
 */
export const loadCartForChangeStep = createStep(
  "order-load-cart-for-change",
  async (input: { cart_id: string; item_id?: string }, { container }) => {
    const cart = await loadCartChangeContext(container, input.cart_id)
    const itemId = input.item_id
    if (itemId && !(cart && !cart.completed_at && cart.items.some((line) => line.id === itemId))) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart item ${itemId} was not found`)
    }
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, CART_CHECKED_OUT)
    }
    const { completed_at: _completed, customer_group_ids: groupIds, ...rest } = cart
    return new StepResponse<CartForChange>({
      ...rest,
      customer: cart.customer_id
        ? { id: cart.customer_id, groups: groupIds.map((id) => ({ id })) }
        : null,
    })
  }
)
