import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import { CHECKOUT_CART_FIELDS, type CheckoutCart } from "../../../utils/order/checkout-cart"
import { queryGraph } from "../../../queries/graph"

export type LoadCheckoutCartInput = {
  cart_id: string
  customer_id: string
  /** Checked once the cart is final: an empty cart cannot become an order. */
  require_items: boolean
}

/**
 * The cart being checked out, read after the cart's lock was taken, so "already checked
 * out" is decided on the latest state. Another customer's cart is a 404 like an unknown
 * one. Reads only.
 */
export const loadCheckoutCartStep = createStep(
  "order-load-checkout-cart",
  async (input: LoadCheckoutCartInput, { container }) => {
    const { data } = await queryGraph<CheckoutCart>(container, {
      entity: "cart",
      fields: CHECKOUT_CART_FIELDS,
      filters: { id: input.cart_id },
    })
    const cart: CheckoutCart | undefined = data[0]
    if (!cart || cart.customer_id !== input.customer_id) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, "This cart has already been checked out")
    }
    if (input.require_items && !cart.items?.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "The cart is empty")
    }
    return new StepResponse(cart)
  }
)
