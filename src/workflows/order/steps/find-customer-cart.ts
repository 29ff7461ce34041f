import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import { isDirectOrderCart } from "../../../lib/order/cart-kinds"

/**
 * The customer's open cart: the newest one not yet checked out, leaving out the transient
 * carts of direct orders. Null when there is none. Reads only.
 */
export const findCustomerCartStep = createStep(
  "order-find-customer-cart",
  async (input: { customer_id: string }, { container }) => {
    // `completed_at: null` is an IS NULL filter; the generated filter type omits null.
    const openCarts = { customer_id: input.customer_id, completed_at: null } as unknown as {
      customer_id: string
    }
    const carts = await container.resolve(Modules.CART).listCarts(openCarts, {
      select: ["id", "metadata", "created_at"],
      order: { created_at: "DESC" },
      take: 10,
    })
    const open = carts.find((cart) => !isDirectOrderCart(cart))
    return new StepResponse<string | null>(open?.id ?? null)
  }
)
