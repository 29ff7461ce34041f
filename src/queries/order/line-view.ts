import type { BigNumberInput } from "@medusajs/framework/types"
import { MathBN } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { money } from "../../utils/money"

/** What a cart line and an order line have in common, as Medusa returns them. */
export type LineRow = {
  id: string
  product_id: string | null
  variant_id: string | null
  title: string
  product_title: string | null
  thumbnail: string | null
  unit_price: BigNumberInput
  quantity: BigNumberInput
  subtotal?: BigNumberInput
}

/** A cart or order line in the contract's terms: product, unit price, quantity and line total. */
export const lineView = z.object({
  id: z.string(),
  product_id: z.string().nullable(),
  variant_id: z.string().nullable(),
  name: z.string(),
  thumbnail: z.string().nullable(),
  unit_price: z.string(),
  quantity: z.number().int(),
  line_total: z.string(),
})

export type LineView = z.infer<typeof lineView>

export function toLineView(item: LineRow): LineView {
  return {
    id: item.id,
    product_id: item.product_id,
    variant_id: item.variant_id,
    name: item.product_title ?? item.title,
    thumbnail: item.thumbnail,
    unit_price: money(item.unit_price),
    quantity: MathBN.convert(item.quantity).toNumber(),
    line_total: money(item.subtotal ?? MathBN.mult(item.unit_price, item.quantity)),
  }
}

/** Units over all lines. */
export function unitCount(items: { quantity: number }[]): number {
  return items.reduce((count, item) => count + item.quantity, 0)
}
