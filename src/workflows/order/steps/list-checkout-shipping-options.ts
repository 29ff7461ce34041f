import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import {
  ContainerRegistrationKeys,
  Modules,
  QueryContext,
  ShippingOptionPriceType,
} from "@medusajs/framework/utils"
import type {
  CalculateShippingOptionPriceDTO,
  CalculatedShippingOptionPrice,
} from "@medusajs/framework/types"
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

/** The fields listShippingOptionsForCartWithPricingWorkflow reads of an option. */
const OPTION_FIELDS = [
  "id",
  "name",
  "price_type",
  "service_zone_id",
  "service_zone.fulfillment_set_id",
  "shipping_profile_id",
  "provider_id",
  "data",
  "calculated_price.*",
]

type OptionRow = {
  id: string
  name: string
  price_type: string
  shipping_profile_id: string
  provider_id: string
  data: Record<string, unknown> | null
  service_zone: { fulfillment_set_id: string }
  calculated_price?: {
    calculated_amount?: number | null
    is_calculated_price_tax_inclusive?: boolean
  } | null
}

type Location = {
  id: string
  name: string
  address?: Record<string, unknown> | null
  fulfillment_sets?: { id: string }[]
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
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: [
        "stock_locations.id",
        "stock_locations.name",
        "stock_locations.address.*",
        "stock_locations.fulfillment_sets.id",
      ],
      filters: { id: cart.sales_channel_id },
    })
    const locations = ((channels[0] as { stock_locations?: Location[] } | undefined)
      ?.stock_locations ?? []) as Location[]
    const locationOfSet = new Map<string, Location>()
    for (const location of locations) {
      for (const set of location.fulfillment_sets ?? []) {
        locationOfSet.set(set.id, location)
      }
    }
    if (!locationOfSet.size) {
      return new StepResponse<PricedShippingOption[]>([])
    }

    const address = input.shipping_address
    const shippingAddress = { ...cart.shipping_address, ...address }
    // The pricing context is the cart, as Medusa's listing passes it (price rules such as
    // "free above an item total" read it), at its new address.
    const cartContext = { ...cart, shipping_address: shippingAddress }
    const remoteQuery = container.resolve(ContainerRegistrationKeys.REMOTE_QUERY)
    const rows = (await remoteQuery({
      entryPoint: "shipping_options",
      fields: OPTION_FIELDS,
      variables: {
        context: QueryContext({ is_return: "false", enabled_in_store: "true" }),
        filters: {
          id: input.option_id ? [input.option_id] : undefined,
          fulfillment_set_id: [...locationOfSet.keys()],
          address: {
            country_code: address.country_code.toLowerCase(),
            province_code: address.province,
            city: address.city,
            postal_expression: address.postal_code,
          },
        },
        calculated_price: { context: cartContext },
      },
    })) as OptionRow[]

    const calculated = rows.filter((row) => row.price_type !== ShippingOptionPriceType.FLAT)
    const providerPrices = new Map<string, CalculatedShippingOptionPrice>()
    if (calculated.length) {
      // Each provider prices only the items its option ships (the option's shipping profile).
      const productIds = [
        ...new Set(cart.items.map((item) => item.product_id).filter((id): id is string => !!id)),
      ]
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
          from_location: locationOfSet.get(row.service_zone.fulfillment_set_id),
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
          ? row.calculated_price
          : providerPrices.get(row.id)
      return {
        id: row.id,
        name: row.name,
        provider_id: row.provider_id,
        data: row.data,
        amount: price?.calculated_amount ?? null,
        is_tax_inclusive: !!price?.is_calculated_price_tax_inclusive,
        stock_location: locationOfSet.get(row.service_zone.fulfillment_set_id) ?? null,
      }
    })
    return new StepResponse(options)
  }
)
