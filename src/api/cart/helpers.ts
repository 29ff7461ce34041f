import type { MedusaContainer } from "@medusajs/framework/types"
import { findOpenCartId } from "../../queries/order/open-cart"
import { ensureCustomerCartWorkflow } from "../../workflows/order/ensure-customer-cart"

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
