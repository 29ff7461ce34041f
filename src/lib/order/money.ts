import { MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/**
 * A Medusa amount as the contract's decimal string with two places ("19.90"). Goes
 * through Medusa's BigNumber, never float arithmetic; null/undefined is "0.00".
 */
export function money(value: BigNumberInput | null | undefined): string {
  return MathBN.convert(value ?? 0).toFixed(2)
}
