import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { sumAmounts } from "../money"

/** A payment with what was captured of it and refunded from it. */
export type MoneyMoves = {
  id: string
  captures?: { amount: BigNumberInput }[] | null
  refunds?: { amount: BigNumberInput }[] | null
}

/** A payment whose refunds must total `refunded` once a refund of everything left ran. */
export type RefundedTotal = { payment_id: string; refunded: number }

/**
 * What refunding all the captured money left does: each payment with money left, the
 * amount to refund, and what its refunds then total (all it captured). The totals are
 * checked after Medusa's refund, which does not fail when the provider does
 * (ensureRefundsMadeStep).
 */
export function fullRefundOf(payments: MoneyMoves[]): {
  refunds: { payment_id: string; amount: number }[]
  refunded_totals: RefundedTotal[]
} {
  const left = payments
    .map((payment) => ({
      payment,
      amount: MathBN.sub(sumAmounts(payment.captures), sumAmounts(payment.refunds)),
    }))
    .filter(({ amount }) => MathBN.gt(amount, 0))
  return {
    refunds: left.map(({ payment, amount }) => ({
      payment_id: payment.id,
      amount: amount.toNumber(),
    })),
    refunded_totals: left.map(({ payment }) => ({
      payment_id: payment.id,
      refunded: sumAmounts(payment.captures).toNumber(),
    })),
  }
}
