import { MathBN, PriceListType } from "@medusajs/framework/utils"
import type { BigNumberInput, CreateLineItemForCartDTO } from "@medusajs/framework/types"

/** What a new cart line copies from its variant (the fields of Medusa's variant query). */
export type LineVariant = {
  id: string
  title: string | null
  sku: string | null
  barcode: string | null
  thumbnail: string | null
  product: {
    id: string
    title: string
    description: string | null
    subtitle: string | null
    thumbnail: string | null
    handle: string
    discountable: boolean | null
    is_giftcard: boolean | null
    type?: { id: string; value: string } | null
    collection?: { title: string } | null
    shipping_profile?: { id: string } | null
  }
  inventory_items?: { inventory?: { requires_shipping?: boolean | null } | null }[] | null
}

/** Medusa's line item model stores `is_giftcard`; its create DTO type does not list it. */
export type NewCartLine = CreateLineItemForCartDTO & { is_giftcard: boolean }

/** The variant's price for the cart, as Medusa's pricing module calculates it. */
export type LinePrice = {
  calculated_amount: BigNumberInput
  original_amount?: BigNumberInput | null
  is_calculated_price_tax_inclusive?: boolean
  calculated_price?: { price_list_type?: string | null } | null
}

/**
 * A new cart line for `quantity` of a variant at its calculated price: the snapshot Medusa's
 * own addToCartWorkflow stores (prepareLineItemData in @medusajs/core-flows, which is not
 * exported), so a line added here is indistinguishable from one added through /store.
 */
export function lineItemData(
  cartId: string,
  variant: LineVariant,
  price: LinePrice,
  quantity: number
): NewCartLine {
  const { product } = variant
  const onSale = price.calculated_price?.price_list_type === PriceListType.SALE
  const discounted =
    onSale &&
    price.original_amount != null &&
    !MathBN.eq(price.original_amount, price.calculated_amount)
  return {
    cart_id: cartId,
    quantity,
    title: product.title,
    subtitle: variant.title ?? undefined,
    thumbnail: variant.thumbnail ?? product.thumbnail ?? undefined,
    product_id: product.id,
    product_title: product.title,
    product_description: product.description ?? undefined,
    product_subtitle: product.subtitle ?? undefined,
    product_type: product.type?.value ?? undefined,
    product_type_id: product.type?.id ?? undefined,
    product_collection: product.collection?.title ?? undefined,
    product_handle: product.handle,
    variant_id: variant.id,
    variant_sku: variant.sku ?? undefined,
    variant_barcode: variant.barcode ?? undefined,
    variant_title: variant.title ?? undefined,
    is_discountable: product.discountable ?? undefined,
    is_giftcard: product.is_giftcard ?? false,
    // Medusa's rule: a shipping profile or an inventory item that ships means shipping.
    requires_shipping:
      Boolean(product.shipping_profile?.id) ||
      Boolean(variant.inventory_items?.some((item) => item.inventory?.requires_shipping)),
    unit_price: price.calculated_amount,
    compare_at_unit_price: discounted ? (price.original_amount ?? undefined) : undefined,
    is_tax_inclusive: Boolean(price.is_calculated_price_tax_inclusive),
    metadata: {},
  }
}
