import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"
import type { CreateCartDTO } from "@medusajs/framework/types"
import { loadNewCartContext } from "../../../queries/order/new-cart-context"

/**
 * The customer's new cart as Medusa's createCartWorkflow would make it with no items: in
 * the store's default region (else the first region in the store's currency, else any)
 * and sales channel, in the region's currency, with the customer's email, and the
 * shipping country pre-filled when the region has one country. Read in one statement. A
 * store without any region cannot sell: a 409 telling the operator what is missing.
 * Reads only.
 */
export const prepareCustomerCartStep = createStep(
  "order-prepare-customer-cart",
  async (input: { customer_id: string }, { container }) => {
    const context = await loadNewCartContext(container, input.customer_id)
    if (!context) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        "The store has no region to sell in: create one in the dashboard or run the seed"
      )
    }
    const cart: CreateCartDTO = {
      region_id: context.region_id,
      currency_code: context.currency_code,
      customer_id: input.customer_id,
      email: context.email ?? undefined,
      sales_channel_id: context.sales_channel_id ?? undefined,
    }
    if (context.countries.length === 1) {
      cart.shipping_address = { country_code: context.countries[0] }
    }
    return new StepResponse(cart)
  }
)
