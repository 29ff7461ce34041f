import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * A Medusa amount as the contract's decimal string with two places ("19.90"). Goes
 * through Medusa's BigNumber, never float arithmetic; null/undefined is "0.00".
 */
export function money(value: BigNumberInput | null | undefined): string {
  return MathBN.convert(value ?? 0).toFixed(2)
}

/** The total of Medusa amounts (captures, refunds…), in BigNumber; none is 0. */
export function sumAmounts(rows: { amount: BigNumberInput }[] | null | undefined) {
  return (rows ?? []).reduce<ReturnType<typeof MathBN.convert>>(
    (total, row) => MathBN.add(total, row.amount),
    MathBN.convert(0)
  )
}
