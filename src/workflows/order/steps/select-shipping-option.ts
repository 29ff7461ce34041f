import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"

/** A shipping option as Medusa lists it for a cart, with its price for this cart. */
export type PricedShippingOption = {
  id: string
  name: string
  provider_id: string
  data?: Record<string, unknown> | null
  amount?: BigNumberInput | null
  is_tax_inclusive?: boolean
  stock_location?: Record<string, unknown> | null
}

export type SelectShippingOptionInput = {
  options: PricedShippingOption[]
  requested_id?: string
  /** Whether any line needs shipping; a cart of digital goods needs no method. */
  needs_shipping: boolean
  /** The option already on the cart, kept unless another one is requested. */
  current_option_id?: string | null
}

const priced = (option: PricedShippingOption): boolean =>
  option.amount !== undefined && option.amount !== null

/**
 * Which shipping option checkout puts on the cart: the requested one (400 when it does not
 * serve this cart or has no price for it), else the one already chosen, else the cheapest
 * that serves the address, with its price for this cart (the method is written anew with
 * it, so a kept option is re-priced for the new address). Null when the cart needs no
 * shipping. Reads only.
 */
export const selectShippingOptionStep = createStep(
  "order-select-shipping-option",
  async (input: SelectShippingOptionInput) => {
    if (!input.needs_shipping) {
      return new StepResponse<PricedShippingOption | null>(null)
    }
    // Medusa's listing (with prices) returns only the options that serve the cart's
    // address and sales channel; an option without a price for the cart cannot be added
    // (addShippingMethodToCartWorkflow refuses it too). Stock is decided (as a 409) by the
    // reservation under the inventory locks, not by Medusa's per-option inventory flag.
    const usable = input.options.filter(priced)
    if (input.requested_id) {
      const requested = usable.find((option) => option.id === input.requested_id)
      if (!requested) {
        throw new MedusaError(
          MedusaError.Types.INVALID_DATA,
          `Shipping option ${input.requested_id} does not serve this cart and address`
        )
      }
      return new StepResponse<PricedShippingOption | null>(requested)
    }
    const current = usable.find((option) => option.id === input.current_option_id)
    if (current) {
      return new StepResponse<PricedShippingOption | null>(current)
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
    return new StepResponse<PricedShippingOption | null>(cheapest)
  }
)
