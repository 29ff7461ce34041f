import type {
  CartLineItemDTO,
  CartShippingMethodDTO,
  CartWorkflowDTO,
  TaxableItemDTO,
  TaxableShippingDTO,
  TaxCalculationContext,
} from "@medusajs/framework/types"

/**
 * What Medusa's getItemTaxLinesStep (@medusajs/core-flows 2.21, get-item-tax-lines.ts)
 * hands the tax module, built the same way, so that checkout can ask for the items' and
 * the shipping method's lines in one `getTaxLines` call (the module takes both kinds in
 * one list) instead of the step's two, each of which reads the tax regions again.
 */
export type TaxRequest = {
  lines: (TaxableItemDTO | TaxableShippingDTO)[]
  context: TaxCalculationContext
}

export type TaxInput = {
  orderOrCart: CartWorkflowDTO
  items: CartLineItemDTO[]
  shipping_methods: CartShippingMethodDTO[]
}

/** Medusa's normalizeTaxModuleContext: null when the region computes no taxes. */
function taxContextOf(cart: CartWorkflowDTO): TaxCalculationContext | null {
  const address = cart.shipping_address
  if (!cart.region?.automatic_taxes || !address?.country_code) {
    return null
  }
  const customer = cart.customer && {
    id: cart.customer.id,
    email: cart.customer.email,
    customer_groups: cart.customer.groups?.map((group) => group.id) || [],
    metadata: cart.customer.metadata,
  }
  return {
    address: {
      country_code: address.country_code,
      province_code: address.province,
      address_1: address.address_1,
      address_2: address.address_2,
      city: address.city,
      postal_code: address.postal_code,
      metadata: address.metadata,
    },
    customer,
    is_return: false,
    locale: (cart as { locale?: string | null }).locale,
    shipping_methods: cart.shipping_methods?.map((method) => ({
      id: method.id,
      name: method.name,
      shipping_option_id: method.shipping_option_id,
      amount: method.amount,
    })),
  } as TaxCalculationContext
}

/** The one tax-module request for a checkout's items and method; null when untaxed. */
export function taxRequestOf({
  orderOrCart: cart,
  items,
  shipping_methods,
}: TaxInput): TaxRequest | null {
  const context = taxContextOf(cart)
  if (!context) {
    return null
  }
  const itemLines: TaxableItemDTO[] = items
    .filter((item) => !item.is_giftcard)
    .map((item) => ({
      id: item.id,
      product_id: item.product_id as string,
      product_type_id: item.product_type_id ?? undefined,
      quantity: item.quantity,
      unit_price: item.unit_price,
      currency_code: cart.currency_code,
    }))
  const shippingLines: TaxableShippingDTO[] = shipping_methods.map((method) => ({
    id: method.id,
    shipping_option_id: method.shipping_option_id as string,
    unit_price: method.amount,
    currency_code: cart.currency_code,
  }))
  return { lines: [...itemLines, ...shippingLines], context }
}
