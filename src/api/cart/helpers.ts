import type { MedusaContainer } from "@medusajs/framework/types"
import { findOpenCartId } from "../../queries/order/open-cart"
import { addCartItemWorkflow } from "../../workflows/order/add-cart-item"
import { ensureCustomerCartWorkflow } from "../../workflows/order/ensure-customer-cart"
import { CART_CHECKED_OUT } from "../../workflows/order/steps/load-cart-for-change"

/**
 * The customer's open cart id, created on first use. The common case (the cart exists)
 * is one read; only a missing cart runs the workflow, which re-checks under the
 * customer's lock so simultaneous first requests still make one cart.
 */
export async function openCartIdOf(
  container: MedusaContainer,
  customerId: string
): Promise<string> {
  const existing = await findOpenCartId(container, customerId)
  if (existing) {
    return existing
  }
  const { result } = await ensureCustomerCartWorkflow(container).run({
    input: { customer_id: customerId },
  })
  return result
}

/**
 * Adds to the customer's open cart. A checkout may complete that cart between finding it
 * and the workflow locking it: the item then goes into the customer's next cart, as it
 * would have a moment later, instead of failing the request.
 */
export async function addToOpenCart(
  container: MedusaContainer,
  customerId: string,
  item: { product_id: string; quantity: number }
): Promise<string> {
  const add = async () => {
    const cartId = await openCartIdOf(container, customerId)
    await addCartItemWorkflow(container).run({ input: { cart_id: cartId, ...item } })
    return cartId
  }
  try {
    return await add()
  } catch (error) {
    if ((error as { message?: unknown } | null)?.message === CART_CHECKED_OUT) {
      return add()
    }
    throw error
  }
}
