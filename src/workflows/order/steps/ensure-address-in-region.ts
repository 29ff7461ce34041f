import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError } from "@medusajs/framework/utils"

/**
 * 400 when the shipping address's country is not one of the cart region's countries,
 * before any cart work, with a message a shopper understands. Reads only.
 */
export const ensureAddressInRegionStep = createStep(
  "order-ensure-address-in-region",
  async (input: { country_code: string; region_countries: string[] }) => {
    const country = input.country_code.toLowerCase()
    if (input.region_countries.length && !input.region_countries.includes(country)) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `The store does not sell to ${country.toUpperCase()} from this cart's region`
      )
    }
    return new StepResponse(undefined)
  }
)
