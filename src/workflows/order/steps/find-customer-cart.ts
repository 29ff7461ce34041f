import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findOpenCartId } from "../../../queries/order/open-cart"

/**
 * The customer's open cart: the newest one not yet checked out, leaving out the transient
 * carts of direct orders. Null when there is none. Reads only.
 */
export const findCustomerCartStep = createStep(
  "order-find-customer-cart",
  async (input: { customer_id: string }, { container }) => {
    return new StepResponse<string | null>(await findOpenCartId(container, input.customer_id))
  }
)
