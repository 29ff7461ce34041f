import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** The order data an analytics fact is made from (read by src/queries/analytics). */
export type OrderFactSource = {
  order_id: string
  customer_id: string | null
  currency_code: string
  placed_at: Date | string
  status: string
  total: BigNumberInput
  /** Refund amounts recorded on the order's payments. */
  refunds: BigNumberInput[]
  lines: { product_id: string | null; quantity: BigNumberInput; total: BigNumberInput }[]
}

/** What the analytics module stores for one order (amounts as decimal strings). */
export type OrderFactInput = {
  order_id: string
  customer_id: string | null
  currency_code: string
  placed_at: string
  status: string
  total: string
  refunded: string
  units: number
  lines: { product_id: string; quantity: number; revenue: string }[]
}

const decimal = (value: BigNumberInput) => MathBN.convert(value).toString()

/**
 * One order's fact. A `refunded` order gave back its whole total even when the refund was
 * made outside Medusa's payments (a status set by hand); a refund is never counted above
 * the total. Lines of the same product are merged; lines without a product are dropped.
 */
export function orderFact(source: OrderFactSource): OrderFactInput {
  const total = MathBN.convert(source.total)
  const recorded = source.refunds.reduce<ReturnType<typeof MathBN.convert>>(
    (sum, amount) => MathBN.add(sum, amount),
    MathBN.convert(0)
  )
  const refunded =
    source.status === "refunded" ? total : MathBN.lt(recorded, total) ? recorded : total
  const byProduct = new Map<
    string,
    { quantity: number; revenue: ReturnType<typeof MathBN.convert> }
  >()
  let units = 0
  for (const line of source.lines) {
    const quantity = Number(MathBN.convert(line.quantity).toString())
    units += quantity
    if (!line.product_id) {
      continue
    }
    const entry = byProduct.get(line.product_id) ?? { quantity: 0, revenue: MathBN.convert(0) }
    entry.quantity += quantity
    entry.revenue = MathBN.add(entry.revenue, line.total)
    byProduct.set(line.product_id, entry)
  }
  return {
    order_id: source.order_id,
    customer_id: source.customer_id,
    currency_code: source.currency_code.toLowerCase(),
    placed_at: new Date(source.placed_at).toISOString(),
    status: source.status,
    total: decimal(total),
    refunded: decimal(refunded),
    units,
    lines: [...byProduct].map(([product_id, entry]) => ({
      product_id,
      quantity: entry.quantity,
      revenue: decimal(entry.revenue),
    })),
  }
}
