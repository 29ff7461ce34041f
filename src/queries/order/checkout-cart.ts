import type { MedusaContainer } from "@medusajs/framework/types"
import { decorateCartTotals } from "@medusajs/framework/utils"
import type { CheckoutCart } from "../../utils/order/checkout-cart"
import {
  PAYMENT_CUSTOMER_COLUMNS,
  payerOf,
  type Payer,
  type PayerColumns,
} from "../payment/payment-customer"
import { sqlRows } from "../sql"
import type { ChannelLevel } from "./stock-availability"

/**
 * The cart as checkout reads it, whether the store has automatic promotions, the stock of
 * its lines' inventory items at the sales channel's locations (checked before the
 * inventory locks are queued for, reserve-stock.ts) and the customer as the payment
 * provider is given them (create-checkout-payment-session.ts).
 */
export type CheckoutCartRead = CheckoutCart & {
  has_automatic_promotions: boolean
  channel_levels: ChannelLevel[]
  payer: Payer
}

/**
 * Everything checkout reads of a cart (utils/order/checkout-cart.ts, CheckoutCart) in one
 * statement, where query.graph took thirteen: the cart, its lines with their tax lines,
 * adjustments and variants' inventory links, its shipping methods with theirs, credit
 * lines, addresses, promotions, region with countries, customer with groups — plus
 * whether any automatic promotion exists, the levels of the lines' inventory items at the
 * sales channel's live stock locations (queries/order/stock-availability.ts reads the same
 * alone), and the customer with addresses and account holder at the payment provider
 * (queries/payment/payment-customer.ts). Rows come as Medusa stores them (`raw_*` amounts
 * included); the totals are Medusa's own, computed from them.
 */
const CHECKOUT_CART_SQL = `
select c.id, c.customer_id, c.email, c.currency_code, c.region_id, c.sales_channel_id,
  c.completed_at, c.locale, c.metadata,
  coalesce((select json_agg(to_jsonb(l) || jsonb_build_object(
      'tax_lines', coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at, t.id)
        from cart_line_item_tax_line t where t.item_id = l.id and t.deleted_at is null), '[]'::jsonb),
      'adjustments', coalesce((select jsonb_agg(to_jsonb(a) order by a.created_at, a.id)
        from cart_line_item_adjustment a where a.item_id = l.id and a.deleted_at is null), '[]'::jsonb),
      'variant', (select jsonb_build_object('id', v.id, 'manage_inventory', v.manage_inventory,
          'allow_backorder', v.allow_backorder,
          'inventory_items', coalesce((select jsonb_agg(jsonb_build_object(
              'inventory_item_id', vi.inventory_item_id, 'required_quantity', vi.required_quantity)
              order by vi.inventory_item_id)
            from product_variant_inventory_item vi
            where vi.variant_id = v.id and vi.deleted_at is null), '[]'::jsonb))
        from product_variant v where v.id = l.variant_id and v.deleted_at is null)
    ) order by l.created_at, l.id)
    from cart_line_item l where l.cart_id = c.id and l.deleted_at is null), '[]'::json) as items,
  coalesce((select json_agg(to_jsonb(m) || jsonb_build_object(
      'tax_lines', coalesce((select jsonb_agg(to_jsonb(t) order by t.created_at, t.id)
        from cart_shipping_method_tax_line t where t.shipping_method_id = m.id and t.deleted_at is null), '[]'::jsonb),
      'adjustments', coalesce((select jsonb_agg(to_jsonb(a) order by a.created_at, a.id)
        from cart_shipping_method_adjustment a where a.shipping_method_id = m.id and a.deleted_at is null), '[]'::jsonb)
    ) order by m.created_at, m.id)
    from cart_shipping_method m where m.cart_id = c.id and m.deleted_at is null), '[]'::json) as shipping_methods,
  coalesce((select json_agg(to_jsonb(cl) order by cl.created_at, cl.id)
    from credit_line cl where cl.cart_id = c.id and cl.deleted_at is null), '[]'::json) as credit_lines,
  (select to_jsonb(sa) from cart_address sa
    where sa.id = c.shipping_address_id and sa.deleted_at is null) as shipping_address,
  (select to_jsonb(ba) from cart_address ba
    where ba.id = c.billing_address_id and ba.deleted_at is null) as billing_address,
  coalesce((select json_agg(json_build_object('id', p.id, 'code', p.code) order by p.id)
    from cart_promotion cp join promotion p on p.id = cp.promotion_id and p.deleted_at is null
    where cp.cart_id = c.id and cp.deleted_at is null), '[]'::json) as promotions,
  (select json_build_object('id', r.id, 'automatic_taxes', r.automatic_taxes,
      'countries', coalesce((select json_agg(json_build_object('iso_2', rc.iso_2) order by rc.iso_2)
        from region_country rc where rc.region_id = r.id and rc.deleted_at is null), '[]'::json))
    from region r where r.id = c.region_id and r.deleted_at is null) as region,
  (select json_build_object('id', cu.id, 'email', cu.email, 'metadata', cu.metadata,
      'groups', coalesce((select json_agg(json_build_object('id', g.customer_group_id))
        from customer_group_customer g
        join customer_group cg on cg.id = g.customer_group_id and cg.deleted_at is null
        where g.customer_id = cu.id and g.deleted_at is null), '[]'::json))
    from customer cu where cu.id = c.customer_id and cu.deleted_at is null) as customer,
  exists (select 1 from promotion a where a.is_automatic and a.deleted_at is null)
    as has_automatic_promotions,
  coalesce((select json_agg(json_build_object('inventory_item_id', il.inventory_item_id,
      'location_id', il.location_id, 'stocked_quantity', il.stocked_quantity::float8,
      'reserved_quantity', il.reserved_quantity::float8) order by il.inventory_item_id, il.location_id)
    from inventory_level il
    join sales_channel_stock_location scl on scl.stock_location_id = il.location_id
      and scl.sales_channel_id = c.sales_channel_id and scl.deleted_at is null
    join stock_location sl on sl.id = il.location_id and sl.deleted_at is null
    where il.deleted_at is null and il.inventory_item_id in (
      select vi.inventory_item_id from cart_line_item l
      join product_variant_inventory_item vi on vi.variant_id = l.variant_id and vi.deleted_at is null
      where l.cart_id = c.id and l.deleted_at is null)), '[]'::json) as channel_levels,
  ${PAYMENT_CUSTOMER_COLUMNS}
from cart c
where c.id = ? and c.deleted_at is null`

type CartRow = Omit<CheckoutCartRead, "total" | "item_total" | "payer"> &
  PayerColumns & {
    credit_lines: { amount: number; raw_amount?: unknown }[]
  }

/** The cart of a customer's checkout; the customer's account holder at `providerId`. */
export async function loadCheckoutCart(
  container: MedusaContainer,
  cartId: string,
  customerId: string,
  providerId: string
): Promise<CheckoutCartRead | undefined> {
  const [row] = await sqlRows<CartRow>(container, CHECKOUT_CART_SQL, [
    customerId,
    customerId,
    providerId,
    cartId,
  ])
  if (!row) {
    return undefined
  }
  const { payment_customer, account_holder, ...cart } = row
  // Medusa's totals of the cart, as the cart module computes query.graph's `total` and
  // `item_total` (from the cart's own rows; the module knows no region). On a copy: the
  // computation writes totals into the lines it is given.
  const { items, shipping_methods, credit_lines, currency_code } = structuredClone(cart)
  const { total, item_total } = decorateCartTotals({
    items,
    shipping_methods,
    credit_lines,
    currency_code,
  })
  return { ...cart, total, item_total, payer: payerOf({ payment_customer, account_holder }) }
}
