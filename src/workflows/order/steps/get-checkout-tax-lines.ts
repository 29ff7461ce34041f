import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Modules } from "@medusajs/framework/utils"
import type { ItemTaxLineDTO, ShippingTaxLineDTO } from "@medusajs/framework/types"
import { taxRequestOf, type TaxInput } from "../../../utils/order/tax-lines-input"

export type CheckoutTaxLines = {
  lineItemTaxLines: ItemTaxLineDTO[]
  shippingMethodsTaxLines: ShippingTaxLineDTO[]
}

/**
 * The tax lines of a checkout's items and shipping method, from Medusa's tax module and
 * its providers in one `getTaxLines` call (getItemTaxLinesStep makes two, reading the tax
 * regions and rules twice). Same input and answer as that step. Reads only.
 */
export const getCheckoutTaxLinesStep = createStep(
  "order-get-checkout-tax-lines",
  async (input: TaxInput, { container }) => {
    const request = taxRequestOf(input)
    const answer: CheckoutTaxLines = { lineItemTaxLines: [], shippingMethodsTaxLines: [] }
    if (!request || !request.lines.length) {
      return new StepResponse(answer)
    }
    const lines = await container.resolve(Modules.TAX).getTaxLines(request.lines, request.context)
    for (const line of lines) {
      if ("shipping_line_id" in line) {
        answer.shippingMethodsTaxLines.push(line)
      } else {
        answer.lineItemTaxLines.push(line)
      }
    }
    return new StepResponse(answer)
  }
)
