import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

type Option = { id: string; amount?: BigNumberInput | null }

export type SelectShippingOptionInput = {
  options: Option[]
  requested_id?: string
  /** Whether any line needs shipping; a cart of digital goods needs no method. */
  needs_shipping: boolean
  /** The option already on the cart, kept unless another one is requested. */
  current_option_id?: string | null
}

/**
 * Which shipping option checkout puts on the cart: the requested one (400 when it does not
 * serve this cart), else the one already chosen, else the cheapest that serves the
 * address. Null when nothing needs to change. Reads only.
 */
export const selectShippingOptionStep = createStep(
  "order-select-shipping-option",
  async (input: SelectShippingOptionInput) => {
    if (!input.needs_shipping) {
      return new StepResponse<string | null>(null)
    }
    // Medusa flags options whose location lacks the stock; that is decided (as a 409) by
    // the reservation under the inventory locks, so every option that serves the address
    // is usable here.
    const usable = input.options
    if (input.requested_id) {
      if (!usable.some((option) => option.id === input.requested_id)) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Shipping option ${input.requested_id} does not serve this cart and address`
        )
      }
      return new StepResponse<string | null>(
        input.requested_id === input.current_option_id ? null : input.requested_id
      )
    }
    if (input.current_option_id && usable.some((o) => o.id === input.current_option_id)) {
      return new StepResponse<string | null>(null)
    }
    const cheapest = [...usable].sort((a, b) =>
      MathBN.lt(a.amount ?? 0, b.amount ?? 0) ? -1 : MathBN.gt(a.amount ?? 0, b.amount ?? 0) ? 1 : 0
    )[0]
    if (!cheapest) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "No shipping option delivers this cart to the given address"
      )
    }
    return new StepResponse<string | null>(cheapest.id)
  }
)
