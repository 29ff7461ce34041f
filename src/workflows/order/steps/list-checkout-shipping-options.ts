import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  Modules,
  ShippingOptionPriceType,
} from "@medusajs/framework/utils"
import type {
  CalculateShippingOptionPriceDTO,
  CalculatedShippingOptionPrice,
  MedusaContainer,
} from "@medusajs/framework/types"
import {
  loadShippingListing,
  loadSharedShippingPrices,
  type FlatShippingPrice,
  type ListedShippingOption,
} from "../../../queries/order/shipping-option-listing"
import { sharedShippingPriceKey } from "../../../utils/order/shipping-prices"
import { zonesServeAddress } from "../../../utils/order/geo-zones"
import type { CheckoutCart } from "../../../utils/order/checkout-cart"
import type { PricedShippingOption } from "./select-shipping-option"

export type ListCheckoutShippingOptionsInput = {
  cart: CheckoutCart
  /** The address being checked out to (not yet read back from the cart). */
  shipping_address: {
    country_code: string
    province?: string
    city: string
    postal_code: string
    address_1?: string
  }
  /** Only this option, when the customer asked for one. */
  option_id?: string
  needs_shipping: boolean
}

/** Flat prices by price set, for the cart (its whole self is the pricing context). */
async function flatPricesOf(
  container: MedusaContainer,
  flat: ListedShippingOption[],
  cartContext: { currency_code: string; region_id?: string | null }
): Promise<Map<string, FlatShippingPrice>> {
  const price = async (): Promise<Record<string, FlatShippingPrice>> => {
    const prices = await container
      .resolve(Modules.PRICING)
      .calculatePrices(
        { id: flat.map((row) => row.price_set_id as string) },
        { context: cartContext as unknown as Record<string, string> }
      )
    // (Cast: Medusa passes the whole cart as the pricing context; its type says strings.)
    return Object.fromEntries(
      prices.map((set) => [
        set.id,
        {
          calculated_amount: set.calculated_amount as FlatShippingPrice["calculated_amount"],
          is_calculated_price_tax_inclusive: !!set.is_calculated_price_tax_inclusive,
        },
      ])
    )
  }
  const key = sharedShippingPriceKey(flat, cartContext)
  const byPriceSet = key ? await loadSharedShippingPrices(container, key, price) : await price()
  return new Map(Object.entries(byPriceSet))
}

/**
 * The shipping options that serve the cart at the address being checked out to, with their
 * price for this cart — what listShippingOptionsForCartWithPricingWorkflow answers, computed
 * from the cart checkout already read instead of reading it again (and without that
 * workflow's run record): the fulfillment sets of the sales channel's stock locations, the
 * options of those sets whose zone covers the address and whose rules fit a storefront
 * sale, flat prices from the pricing module for the cart's context, calculated prices from
 * the option's fulfillment provider. Reads only.
 */
export const listCheckoutShippingOptionsStep = createStep(
  "order-list-checkout-shipping-options",
  async (input: ListCheckoutShippingOptionsInput, { container }) => {
    const { cart } = input
    if (!input.needs_shipping || !cart.sales_channel_id) {
      return new StepResponse<PricedShippingOption[]>([])
    }
    const listing = await loadShippingListing(container, cart.sales_channel_id)
    const address = input.shipping_address
    const zoneAddress = {
      country_code: address.country_code.toLowerCase(),
      province_code: address.province,
      city: address.city,
      postal_expression: address.postal_code,
    }
    const rows = listing.options.filter(
      (option) =>
        (!input.option_id || option.id === input.option_id) &&
        zonesServeAddress(option.geo_zones, zoneAddress)
    )
    if (!rows.length) {
      return new StepResponse<PricedShippingOption[]>([])
    }
    const locationOfSet = (setId: string) => listing.locations[setId]
    const shippingAddress = { ...cart.shipping_address, ...address }
    // The pricing context is the cart, as Medusa's listing passes it (price rules such as
    // "free above an item total" read it), at its new address.
    const cartContext = { ...cart, shipping_address: shippingAddress }

    // Flat prices for this cart from the pricing module, as the listing's `calculated_price`
    // field computes them (pricing-module listPriceSets → calculatePrices); shared between
    // the carts of one currency and region when nothing else can change them.
    const flat = rows.filter(
      (row) => row.price_type === ShippingOptionPriceType.FLAT && row.price_set_id
    )
    const flatPrices = flat.length
      ? await flatPricesOf(container, flat, cartContext)
      : new Map<string, FlatShippingPrice>()

    const calculated = rows.filter((row) => row.price_type !== ShippingOptionPriceType.FLAT)
    const providerPrices = new Map<string, CalculatedShippingOptionPrice>()
    if (calculated.length) {
      // Each provider prices only the items its option ships (the option's shipping profile).
      const productIds = [
        ...new Set(cart.items.map((item) => item.product_id).filter((id): id is string => !!id)),
      ]
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data: products } = await query.graph({
        entity: "product",
        fields: ["id", "shipping_profile.id"],
        filters: { id: productIds },
      })
      const profileOf = new Map(
        (products as { id: string; shipping_profile?: { id: string } | null }[]).map((p) => [
          p.id,
          p.shipping_profile?.id,
        ])
      )
      const requests = calculated.map((row) => ({
        id: row.id,
        provider_id: row.provider_id,
        optionData: row.data ?? {},
        data: {},
        context: {
          ...cartContext,
          items: cart.items.filter(
            (item) =>
              !!item.product_id && profileOf.get(item.product_id) === row.shipping_profile_id
          ),
          from_location: locationOfSet(row.fulfillment_set_id),
        },
      })) as unknown as CalculateShippingOptionPriceDTO[]
      // (Cast: the engine's cart carries the fields providers read under its own types, as
      // in fulfillmentContextOf.)
      const prices = await container
        .resolve(Modules.FULFILLMENT)
        .calculateShippingOptionsPrices(requests)
      calculated.forEach((row, index) => {
        if (prices[index]) {
          providerPrices.set(row.id, prices[index])
        }
      })
    }

    const options = rows.map((row): PricedShippingOption => {
      const price =
        row.price_type === ShippingOptionPriceType.FLAT
          ? flatPrices.get(row.price_set_id ?? "")
          : providerPrices.get(row.id)
      return {
        id: row.id,
        name: row.name,
        provider_id: row.provider_id,
        data: row.data,
        amount: price?.calculated_amount ?? null,
        is_tax_inclusive: !!price?.is_calculated_price_tax_inclusive,
        stock_location: locationOfSet(row.fulfillment_set_id) ?? null,
      }
    })
    return new StepResponse(options)
  }
)
