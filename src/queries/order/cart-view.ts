import type { MedusaContainer } from "@medusajs/framework/types"
import { decorateCartTotals, MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { BigNumberInput } from "@medusajs/framework/types"
import { lineView, toLineView, unitCount, type LineRow } from "./line-view"
import { money } from "../../utils/money"
import { sqlRows } from "../sql"

type Amount = BigNumberInput
type Adjustment = { amount: Amount; is_tax_inclusive?: boolean }
type TaxLine = { rate: Amount }

type CartRow = {
  id: string
  currency_code: string
  created_at: string | Date
  updated_at: string | Date
  items: (LineRow & {
    product_handle: string | null
    is_tax_inclusive: boolean
    tax_lines: TaxLine[]
    adjustments: Adjustment[]
  })[]
  shipping_methods: {
    id: string
    amount: Amount
    is_tax_inclusive: boolean
    tax_lines: TaxLine[]
    adjustments: Adjustment[]
  }[]
  credit_lines: { amount: Amount }[]
}

/**
 * The cart with everything its totals are computed from (lines, their tax lines and
 * adjustments, shipping methods with theirs, credit lines) in one statement; query.graph
 * took six. Amounts come as Medusa's raw values ({ value, precision }) where stored, so
 * the totals are computed as precisely as the cart module computes them.
 */
const CART_VIEW_SQL = `
select c.id, c.currency_code, c.created_at, c.updated_at,
  coalesce((select json_agg(json_build_object(
      'id', l.id, 'product_id', l.product_id, 'variant_id', l.variant_id, 'title', l.title,
      'product_title', l.product_title, 'product_handle', l.product_handle, 'thumbnail', l.thumbnail,
      'unit_price', coalesce(l.raw_unit_price, to_jsonb(l.unit_price::text)),
      'quantity', l.quantity, 'is_tax_inclusive', l.is_tax_inclusive,
      'tax_lines', coalesce((select json_agg(json_build_object('rate', t.rate))
        from cart_line_item_tax_line t where t.item_id = l.id and t.deleted_at is null), '[]'::json),
      'adjustments', coalesce((select json_agg(json_build_object(
          'amount', coalesce(a.raw_amount, to_jsonb(a.amount::text)), 'is_tax_inclusive', a.is_tax_inclusive))
        from cart_line_item_adjustment a where a.item_id = l.id and a.deleted_at is null), '[]'::json)
    ) order by l.created_at, l.id)
    from cart_line_item l where l.cart_id = c.id and l.deleted_at is null), '[]'::json) as items,
  coalesce((select json_agg(json_build_object(
      'id', m.id, 'amount', coalesce(m.raw_amount, to_jsonb(m.amount::text)), 'is_tax_inclusive', m.is_tax_inclusive,
      'tax_lines', coalesce((select json_agg(json_build_object('rate', t.rate))
        from cart_shipping_method_tax_line t where t.shipping_method_id = m.id and t.deleted_at is null), '[]'::json),
      'adjustments', coalesce((select json_agg(json_build_object('amount', coalesce(a.raw_amount, to_jsonb(a.amount::text))))
        from cart_shipping_method_adjustment a where a.shipping_method_id = m.id and a.deleted_at is null), '[]'::json)
    ) order by m.created_at, m.id)
    from cart_shipping_method m where m.cart_id = c.id and m.deleted_at is null), '[]'::json) as shipping_methods,
  coalesce((select json_agg(json_build_object('amount', coalesce(cl.raw_amount, to_jsonb(cl.amount::text))))
    from credit_line cl where cl.cart_id = c.id and cl.deleted_at is null), '[]'::json) as credit_lines
from cart c
where c.id = ? and c.deleted_at is null`

const cartItemView = lineView.extend({ handle: z.string().nullable() })

export const cartView = z.object({
  id: z.string(),
  currency_code: z.string(),
  items: z.array(cartItemView),
  item_count: z.number().int(),
  subtotal: z.string(),
  discount: z.string(),
  tax: z.string(),
  shipping: z.string(),
  total: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
})

export type CartView = z.infer<typeof cartView>

function toCartView(cart: CartRow): CartView {
  // Medusa's own totals, as the cart module decorates a cart it returns; the lines get
  // their `subtotal` in place.
  const totals = decorateCartTotals(cart)
  const items = cart.items.map((item) => ({
    ...toLineView(item),
    handle: item.product_handle,
  }))
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    items,
    item_count: unitCount(items),
    subtotal: money(totals.item_subtotal),
    discount: money(totals.discount_total),
    tax: money(totals.tax_total),
    shipping: money(totals.shipping_total),
    total: money(totals.total),
    created_at: new Date(cart.created_at).toISOString(),
    updated_at: new Date(cart.updated_at).toISOString(),
  }
}

/** The contract's cart: lines with product, unit price, quantity and line total; Medusa's totals. */
export async function loadCartView(container: MedusaContainer, cartId: string): Promise<CartView> {
  const [cart] = await sqlRows<CartRow>(container, CART_VIEW_SQL, [cartId])
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }
  return toCartView(cart)
}
