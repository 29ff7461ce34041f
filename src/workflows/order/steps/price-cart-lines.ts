import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import type { CalculatedPriceSet, PricingContext } from "@medusajs/framework/types"
import { lineItemData, type LinePrice } from "../../../utils/order/line-item-data"
import {
  loadPurchaseVariants,
  type PurchaseVariant,
} from "../../../queries/order/purchase-variants"
import type { CartForChange } from "./load-cart-for-change"

export type LineToPrice = {
  variant_id: string
  /** Units being added (the new line's quantity, or what is added to an existing line). */
  quantity: number
  /** Everything the cart will hold of the variant: the quantity its price is chosen for. */
  total_quantity: number
  /** The variant when an earlier step read it already (resolvePurchasableItemsStep). */
  variant?: PurchaseVariant
}

/**
 * The new cart lines, priced for the cart by Medusa's pricing module with the pricing
 * context Medusa's own cart workflows use (currency, region, customer and groups, the
 * quantity held), and copied from their variants as Medusa copies them. A variant of an
 * unpublished product, or without a price for the cart, is refused as Medusa refuses it.
 * The variants are read in one statement unless given; the prices in one call per
 * distinct quantity (the pricing module takes one context per call). Reads only.
 */
export const priceCartLinesStep = createStep(
  "order-price-cart-lines",
  async (input: { cart: CartForChange; lines: LineToPrice[] }, { container }) => {
    const { cart, lines } = input
    const missing = lines.filter((line) => !line.variant).map((line) => line.variant_id)
    const read = await loadPurchaseVariants(container, { variant_ids: missing })
    const variantOf = new Map(read.map((variant) => [variant.id, variant]))
    for (const line of lines) {
      if (line.variant) {
        variantOf.set(line.variant_id, line.variant)
      }
    }
    const pricing = container.resolve(Modules.PRICING)
    const pricesFor = new Map<number, Promise<CalculatedPriceSet[]>>()
    const priceOf = async (line: LineToPrice, priceSetId: string) => {
      let prices = pricesFor.get(line.total_quantity)
      if (!prices) {
        const priceSetIds = lines
          .filter((other) => other.total_quantity === line.total_quantity)
          .map((other) => variantOf.get(other.variant_id)?.price_set_id)
          .filter((id): id is string => !!id)
        // The context query.graph's calculated_price passes, nulls included.
        const context: Record<string, unknown> = {
          currency_code: cart.currency_code,
          region_id: cart.region_id,
          customer_id: cart.customer_id,
          customer: cart.customer,
          quantity: line.total_quantity,
        }
        prices = pricing.calculatePrices(
          { id: priceSetIds },
          { context: context as PricingContext["context"] }
        )
        pricesFor.set(line.total_quantity, prices)
      }
      return (await prices).find((price) => price.id === priceSetId)
    }

    const priced = await Promise.all(
      lines.map(async (line) => {
        const variant = variantOf.get(line.variant_id)
        if (!variant || variant.product.status !== ProductStatus.PUBLISHED) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Variants ${line.variant_id} do not exist or belong to a product that is not published`
          )
        }
        const price = variant.price_set_id ? await priceOf(line, variant.price_set_id) : undefined
        if (!price || price.calculated_amount === null || price.calculated_amount === undefined) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Variants with IDs ${line.variant_id} do not have a price`
          )
        }
        return lineItemData(cart.id, variant, price as LinePrice, line.quantity)
      })
    )
    return new StepResponse(priced)
  }
)
