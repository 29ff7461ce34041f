import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { loadCheckoutCart, type CheckoutCartRead } from "../../../queries/order/checkout-cart"
import { orderSettings } from "../../../config/order"

export type LoadCheckoutCartInput = {
  cart_id: string
  customer_id: string
  /** Checked once the cart is final: an empty cart cannot become an order. */
  require_items: boolean
}

/**
 * The cart being checked out, read in one statement after the cart's lock was taken, so
 * "already checked out" is decided on the latest state. Another customer's cart is a 404
 * like an unknown one. The same statement reads the stock of its lines at the sales
 * channel's locations and the customer as the payment provider is given them. Reads only.
 */
export const loadCheckoutCartStep = createStep(
  "order-load-checkout-cart",
  async (input: LoadCheckoutCartInput, { container }) => {
    const cart = await loadCheckoutCart(
      container,
      input.cart_id,
      input.customer_id,
      orderSettings().paymentProviderId
    )
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This cart has already been checked out")
    }
    if (input.require_items && !cart.items?.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart is empty")
    }
    return new StepResponse<CheckoutCartRead>(cart)
  }
)
