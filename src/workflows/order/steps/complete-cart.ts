import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"

/**
 * Marks the checked-out cart completed. Checkout holds the cart's lock and read it open, so
 * compensation reopens it without the read of the whole cart (addresses included) that
 * Medusa's updateCartsStep makes to restore any field.
 */
export const completeCartStep = createStep(
  "order-complete-cart",
  async (input: { cart_id: string }, { container }) => {
    await container
      .resolve(Modules.CART)
      .updateCarts([{ id: input.cart_id, completed_at: new Date() }])
    return new StepResponse(undefined, input.cart_id)
  },
  async (cartId, { container }) => {
    if (cartId) {
      await container.resolve(Modules.CART).updateCarts([{ id: cartId, completed_at: null }])
    }
  }
)
