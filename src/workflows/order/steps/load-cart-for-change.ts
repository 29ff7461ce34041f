import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"

/** A change that reached a cart a checkout completed meanwhile: the caller may use a new cart. */
export const CART_CHECKED_OUT = "The cart was checked out meanwhile"

export type CartForChange = {
  id: string
  currency_code: string
  region_id: string | null
  customer_id: string | null
  sales_channel_id: string | null
  email: string | null
  customer: { id: string; groups?: { id: string }[] | null } | null
  items: { id: string; variant_id: string | null; quantity: number; is_custom_price: boolean }[]
  /**
   * Whether Medusa's cart refresh (refreshCartItemsWorkflow) could change anything after a
   * line changes: it recomputes shipping methods, tax lines (which need a shipping
   * address), promotions (applied codes, and automatic ones, which may start to apply)
   * and the payment collection's amount. A cart with none of them is priced by its lines
   * alone, so the refresh is skipped and a change costs a few statements, not ~80.
   */
  needs_refresh: boolean
}

type CartRow = Omit<CartForChange, "needs_refresh" | "items"> & {
  completed_at: string | Date | null
  items?: (CartForChange["items"][number] | null)[] | null
  shipping_address?: { id: string } | null
  shipping_methods?: ({ id: string } | null)[] | null
  promotions?: ({ id: string } | null)[] | null
  payment_collection?: { id: string } | null
}

/** The cart a line change needs, and whether the change needs Medusa's refresh. Reads only. */
export const loadCartForChangeStep = createStep(
  "order-load-cart-for-change",
  async (input: { cart_id: string }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [{ data }, automaticPromotions] = await Promise.all([
      query.graph({
        entity: "cart",
        fields: [
          "id",
          "completed_at",
          "currency_code",
          "region_id",
          "customer_id",
          "sales_channel_id",
          "email",
          "customer.id",
          "customer.groups.id",
          "items.id",
          "items.variant_id",
          "items.quantity",
          "items.is_custom_price",
          "shipping_address.id",
          "shipping_methods.id",
          "promotions.id",
          "payment_collection.id",
        ],
        filters: { id: input.cart_id },
      }),
      container
        .resolve(Modules.PROMOTION)
        .listPromotions({ is_automatic: true }, { select: ["id"], take: 1 }),
    ])
    const cart = data[0] as CartRow | undefined
    if (!cart) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${input.cart_id} was not found`)
    }
    if (cart.completed_at) {
      throw new MedusaError(MedusaError.Types.CONFLICT, CART_CHECKED_OUT)
    }
    const present = <T>(rows: (T | null)[] | null | undefined): T[] =>
      (rows ?? []).filter((row): row is T => row !== null)
    const needsRefresh =
      Boolean(cart.shipping_address?.id) ||
      present(cart.shipping_methods).length > 0 ||
      present(cart.promotions).length > 0 ||
      Boolean(cart.payment_collection?.id) ||
      automaticPromotions.length > 0
    return new StepResponse<CartForChange>({
      id: cart.id,
      currency_code: cart.currency_code,
      region_id: cart.region_id,
      customer_id: cart.customer_id,
      sales_channel_id: cart.sales_channel_id,
      email: cart.email,
      customer: cart.customer,
      items: present(cart.items),
      needs_refresh: needsRefresh,
    })
  }
)
