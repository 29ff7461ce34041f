import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  MedusaError,
  ProductStatus,
  QueryContext,
} from "@medusajs/framework/utils"
import { lineItemData, type LinePrice, type LineVariant } from "../../../utils/order/line-item-data"
import type { CartForChange } from "./load-cart-for-change"

export type LineToPrice = {
  variant_id: string
  /** Units being added (the new line's quantity, or what is added to an existing line). */
  quantity: number
  /** Everything the cart will hold of the variant: the quantity its price is chosen for. */
  total_quantity: number
}

type VariantRow = LineVariant & {
  product: LineVariant["product"] & { status: string }
  calculated_price?: LinePrice | null
}

const VARIANT_FIELDS = [
  "id",
  "title",
  "sku",
  "barcode",
  "thumbnail",
  "product.id",
  "product.title",
  "product.description",
  "product.subtitle",
  "product.thumbnail",
  "product.handle",
  "product.status",
  "product.discountable",
  "product.is_giftcard",
  "product.type.id",
  "product.type.value",
  "product.collection.title",
  "product.shipping_profile.id",
  "inventory_items.inventory.requires_shipping",
  "calculated_price.*",
]

/**
 * The new cart lines, priced for the cart by Medusa's pricing module with the pricing
 * context Medusa's own cart workflows use (currency, region, customer and groups, the
 * quantity held), and copied from their variants as Medusa copies them. A variant of an
 * unpublished product, or without a price for the cart, is refused as Medusa refuses it.
 * Reads only.
 */
export const priceCartLinesStep = createStep(
  "order-price-cart-lines",
  async (input: { cart: CartForChange; lines: LineToPrice[] }, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { cart } = input
    const priced = await Promise.all(
      input.lines.map(async (line) => {
        const { data } = await query.graph({
          entity: "variant",
          fields: VARIANT_FIELDS,
          filters: { id: line.variant_id },
          context: {
            calculated_price: QueryContext({
              currency_code: cart.currency_code,
              region_id: cart.region_id,
              customer_id: cart.customer_id,
              customer: cart.customer,
              quantity: line.total_quantity,
            }),
          },
        })
        const variant = data[0] as VariantRow | undefined
        if (!variant || variant.product?.status !== ProductStatus.PUBLISHED) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Variants ${line.variant_id} do not exist or belong to a product that is not published`
          )
        }
        if (!variant.calculated_price) {
          throw new MedusaError(
            MedusaError.Types.INVALID_DATA,
            `Variants with IDs ${line.variant_id} do not have a price`
          )
        }
        return lineItemData(cart.id, variant, variant.calculated_price, line.quantity)
      })
    )
    return new StepResponse(priced)
  }
)
