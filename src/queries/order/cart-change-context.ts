import type { MedusaContainer } from "@medusajs/framework/types"
import { sqlRows } from "../sql"

export type CartChangeLine = {
  id: string
  variant_id: string | null
  quantity: number
  is_custom_price: boolean
}

/** A cart as a line change needs it (see loadCartChangeContext). */
export type CartChangeContext = {
  id: string
  completed_at: Date | null
  currency_code: string
  region_id: string | null
  customer_id: string | null
  sales_channel_id: string | null
  email: string | null
  items: CartChangeLine[]
  /** The customer's groups, for group prices. */
  customer_group_ids: string[]
  /**
   * Whether Medusa's cart refresh (refreshCartItemsWorkflow) could change anything after a
   * line changes: it recomputes shipping methods, tax lines (which need a shipping
   * address), promotions (applied codes, and automatic ones, which may start to apply)
   * and the payment collection's amount. A cart with none of them is priced by its lines
   * alone, so the refresh is skipped.
   */
  needs_refresh: boolean
}

/**
 * The cart, its lines, its customer's groups and whether a refresh is needed, in one
 * statement (query.graph took nine: cart, address, lines, shipping methods, customer,
 * promotion and payment collection links, groups, automatic promotions). Undefined when
 * there is no such cart.
 */
const CART_CHANGE_CONTEXT_SQL = `
select c.id, c.completed_at, c.currency_code, c.region_id, c.customer_id, c.sales_channel_id, c.email,
  (c.shipping_address_id is not null
    or exists (select 1 from cart_shipping_method m where m.cart_id = c.id and m.deleted_at is null)
    or exists (select 1 from cart_promotion p where p.cart_id = c.id and p.deleted_at is null)
    or exists (select 1 from cart_payment_collection pc where pc.cart_id = c.id and pc.deleted_at is null)
    or exists (select 1 from promotion a where a.is_automatic and a.deleted_at is null)) as needs_refresh,
  coalesce((select json_agg(json_build_object('id', l.id, 'variant_id', l.variant_id,
      'quantity', l.quantity, 'is_custom_price', l.is_custom_price) order by l.created_at, l.id)
    from cart_line_item l where l.cart_id = c.id and l.deleted_at is null), '[]'::json) as items,
  coalesce((select json_agg(g.customer_group_id order by g.customer_group_id)
    from customer_group_customer g
    join customer_group cg on cg.id = g.customer_group_id and cg.deleted_at is null
    where g.customer_id = c.customer_id and g.deleted_at is null), '[]'::json) as customer_group_ids
from cart c
where c.id = ? and c.deleted_at is null`

export async function loadCartChangeContext(
  container: MedusaContainer,
  cartId: string
): Promise<CartChangeContext | undefined> {
  const [row] = await sqlRows<CartChangeContext>(container, CART_CHANGE_CONTEXT_SQL, [cartId])
  return row
}
