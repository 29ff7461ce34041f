import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import type { BigNumberInput } from "@medusajs/framework/types"
import { lineView, toLineView, unitCount, type LineRow } from "./line-view"
import { money } from "../../utils/money"
import { queryGraph } from "../graph"

const CART_VIEW_FIELDS = [
  "id",
  "currency_code",
  "email",
  "region_id",
  "sales_channel_id",
  "created_at",
  "updated_at",
  "items.id",
  "items.product_id",
  "items.variant_id",
  "items.title",
  "items.product_title",
  "items.product_handle",
  "items.thumbnail",
  "items.unit_price",
  "items.quantity",
  "items.subtotal",
  "item_subtotal",
  "tax_total",
  "shipping_total",
  "discount_total",
  "total",
]

type CartRow = {
  id: string
  currency_code: string
  email: string | null
  region_id: string | null
  sales_channel_id: string | null
  created_at: string | Date
  updated_at: string | Date
  items?: (LineRow & { product_handle: string | null })[]
  item_subtotal: BigNumberInput
  tax_total: BigNumberInput
  shipping_total: BigNumberInput
  discount_total: BigNumberInput
  total: BigNumberInput
}

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
  const items = (cart.items ?? []).map((item) => ({
    ...toLineView(item),
    handle: item.product_handle,
  }))
  return {
    id: cart.id,
    currency_code: cart.currency_code,
    items,
    item_count: unitCount(items),
    subtotal: money(cart.item_subtotal),
    discount: money(cart.discount_total),
    tax: money(cart.tax_total),
    shipping: money(cart.shipping_total),
    total: money(cart.total),
    created_at: new Date(cart.created_at).toISOString(),
    updated_at: new Date(cart.updated_at).toISOString(),
  }
}

/** The contract's cart: lines with product, unit price, quantity and line total; Medusa's totals. */
export async function loadCartView(container: MedusaContainer, cartId: string): Promise<CartView> {
  const { data } = await queryGraph<CartRow>(container, {
    entity: "cart",
    fields: CART_VIEW_FIELDS,
    filters: { id: cartId },
  })
  const cart: CartRow | undefined = data[0]
  if (!cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart ${cartId} was not found`)
  }
  return toCartView(cart)
}
