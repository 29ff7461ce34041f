import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { isDirectOrderCart } from "../../utils/order/cart-kinds"

/** The customer's open cart, read without a lock (null when there is none). */
export async function findOpenCartId(
  container: MedusaContainer,
  customerId: string
): Promise<string | null> {
  // `completed_at: null` is an IS NULL filter; the generated filter type omits null.
  const openCarts = { customer_id: customerId, completed_at: null } as unknown as {
    customer_id: string
  }
  const carts = await container.resolve(Modules.CART).listCarts(openCarts, {
    select: ["id", "metadata", "created_at"],
    order: { created_at: "DESC" },
    take: 10,
  })
  return carts.find((cart) => !isDirectOrderCart(cart))?.id ?? null
}
