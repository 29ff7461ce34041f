import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules } from "@medusajs/framework/utils"

export type CustomerCartItem = {
  id: string
  cart_id: string
  variant_id: string | null
  title: string
  product_title: string | null
  sales_channel_id: string | null
}

/** The line as the cart module returns it: CartLineItemDTO types its null columns as optional. */
type ItemRow = {
  id: string
  cart_id: string
  variant_id: string | null
  title: string
  product_title: string | null
  cart?: {
    customer_id: string | null
    completed_at: string | Date | null
    sales_channel_id: string | null
  }
}

/**
 * A line of the customer's open cart. A line of another customer's cart, of a checked-out
 * cart, or an unknown id is the same 404, so ids cannot be probed. Reads only.
 */
export const loadCustomerCartItemStep = createStep(
  "order-load-customer-cart-item",
  async (input: { item_id: string; customer_id: string }, { container }) => {
    const [item] = (await container.resolve(Modules.CART).listLineItems(
      { id: input.item_id },
      {
        select: ["id", "cart_id", "variant_id", "title", "product_title"],
        relations: ["cart"],
        take: 1,
      }
    )) as ItemRow[]
    if (!item || item.cart?.customer_id !== input.customer_id || item.cart.completed_at) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart item ${input.item_id} was not found`)
    }
    return new StepResponse<CustomerCartItem>({
      id: item.id,
      cart_id: item.cart_id,
      variant_id: item.variant_id,
      title: item.title,
      product_title: item.product_title,
      sales_channel_id: item.cart.sales_channel_id,
    })
  }
)
