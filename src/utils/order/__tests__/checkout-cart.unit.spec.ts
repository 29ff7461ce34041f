import {
  CART_LINE_KEY,
  orderInputFromCart,
  preparedCartOf,
  stockNeedsOf,
  totalsPerInventoryItem,
  type CheckoutCart,
  type CheckoutCartItem,
} from "../checkout-cart"
import type { CartShippingMethodDTO } from "@medusajs/framework/types"
import { money } from "../../money"
import { readOrderSettings } from "../../../config/order"

function item(overrides: Partial<CheckoutCartItem> = {}): CheckoutCartItem {
  return {
    id: "cali_1",
    title: "Default",
    product_title: "Lamp",
    quantity: 2,
    unit_price: 19.99,
    requires_shipping: true,
    metadata: { gift: true },
    tax_lines: [
      { code: "VAT", rate: 20, description: "VAT", tax_rate_id: "txr_1", provider_id: "tp" },
    ],
    adjustments: [],
    variant: {
      id: "variant_1",
      manage_inventory: true,
      allow_backorder: false,
      inventory_items: [{ inventory_item_id: "iitem_1", required_quantity: 1 }],
    },
    ...overrides,
  }
}

function cart(items: CheckoutCartItem[]): CheckoutCart {
  return {
    id: "cart_1",
    customer_id: "cus_1",
    email: "a@example.test",
    currency_code: "usd",
    region_id: "reg_1",
    sales_channel_id: "sc_1",
    completed_at: null,
    total: 44.98,
    items,
    shipping_methods: [{ id: "casm_1", name: "Standard", amount: 5, shipping_option_id: "so_1" }],
    shipping_address: { id: "caaddr_1", city: "New York", country_code: "us" },
    billing_address: null,
  }
}

describe("checkout: cart to order", () => {
  it("keeps the cart's prices, tax lines and shipping, and remembers each line", () => {
    const input = orderInputFromCart(cart([item()]))
    expect(input).toMatchObject({
      status: "pending",
      customer_id: "cus_1",
      currency_code: "usd",
      shipping_address: { city: "New York", country_code: "us" },
      billing_address: undefined,
      shipping_methods: [{ name: "Standard", amount: 5, shipping_option_id: "so_1" }],
    })
    expect(input.shipping_address).not.toHaveProperty("id")
    expect(input.items?.[0]).toMatchObject({
      quantity: 2,
      unit_price: 19.99,
      metadata: { gift: true, [CART_LINE_KEY]: "cali_1" },
      tax_lines: [{ code: "VAT", rate: 20, tax_rate_id: "txr_1" }],
    })
  })

  it("needs stock per inventory item, summing lines that share one", () => {
    const bundle = item({
      id: "cali_2",
      quantity: 1,
      variant: {
        id: "variant_2",
        manage_inventory: true,
        inventory_items: [
          { inventory_item_id: "iitem_1", required_quantity: 3 },
          { inventory_item_id: "iitem_2", required_quantity: 1 },
        ],
      },
    })
    const needs = stockNeedsOf(cart([item(), bundle]))
    expect(needs.map((n) => [n.line_id, n.inventory_item_id, n.quantity])).toEqual([
      ["cali_1", "iitem_1", 2],
      ["cali_2", "iitem_1", 3],
      ["cali_2", "iitem_2", 1],
    ])
    expect(Object.fromEntries(totalsPerInventoryItem(needs))).toEqual({ iitem_1: 5, iitem_2: 1 })
  })

  it("needs nothing for unmanaged inventory and does not count backorders", () => {
    const unmanaged = item({ variant: { id: "v", manage_inventory: false } })
    expect(stockNeedsOf(cart([unmanaged]))).toEqual([])
    const backorder = item({
      variant: {
        id: "v",
        manage_inventory: true,
        allow_backorder: true,
        inventory_items: [{ inventory_item_id: "iitem_9", required_quantity: 1 }],
      },
    })
    const needs = stockNeedsOf(cart([backorder]))
    expect(needs).toHaveLength(1)
    expect(totalsPerInventoryItem(needs).size).toBe(0)
  })
})

describe("checkout: the cart as checkout left it", () => {
  it("takes the new addresses, method and tax lines, and keeps the lines' adjustments", () => {
    const adjusted = item({
      id: "cali_2",
      adjustments: [{ code: "SAVE5", amount: 5, promotion_id: "promo_1" }],
    })
    const prepared = preparedCartOf(cart([item(), adjusted]), {
      shipping_address: { city: "Toronto", country_code: "ca" },
      billing_address: { city: "Boston", country_code: "us" },
      shipping_methods: [
        {
          id: "casm_new",
          name: "Express",
          amount: 15,
          is_tax_inclusive: false,
          shipping_option_id: "so_2",
          data: {},
        } as unknown as CartShippingMethodDTO,
      ],
      item_tax_lines: [
        {
          line_item_id: "cali_2",
          rate: 13,
          code: "HST",
          name: "HST",
          rate_id: "txr_2",
          provider_id: "tp",
        },
      ],
      shipping_tax_lines: [
        {
          shipping_line_id: "casm_new",
          rate: 13,
          code: "HST",
          name: "HST",
          rate_id: "txr_2",
          provider_id: "tp",
        },
      ],
    })
    // The earlier VAT line of cali_1 is gone: Medusa's step replaced the cart's tax lines.
    expect(prepared.items.map((line) => line.tax_lines)).toEqual([
      [],
      [{ description: "HST", tax_rate_id: "txr_2", code: "HST", rate: 13, provider_id: "tp" }],
    ])
    expect(prepared.items[1].adjustments).toEqual(adjusted.adjustments)
    expect(prepared.shipping_methods).toEqual([
      expect.objectContaining({
        id: "casm_new",
        amount: 15,
        shipping_option_id: "so_2",
        adjustments: [],
        tax_lines: [expect.objectContaining({ code: "HST", rate: 13 })],
      }),
    ])
    expect(prepared.shipping_address).toEqual({ city: "Toronto", country_code: "ca" })
    expect(orderInputFromCart(prepared).billing_address).toEqual({
      city: "Boston",
      country_code: "us",
    })
  })

  it("keeps the cart's own method when none was added", () => {
    const prepared = preparedCartOf(cart([item()]), {
      shipping_address: { city: "New York", country_code: "us" },
      billing_address: { city: "New York", country_code: "us" },
      shipping_methods: null,
      item_tax_lines: [],
      shipping_tax_lines: [],
    })
    expect(prepared.shipping_methods?.map((method) => method.id)).toEqual(["casm_1"])
  })
})

describe("money and settings", () => {
  it("renders amounts as two-decimal strings without float drift", () => {
    expect(money(19.9)).toBe("19.90")
    expect(money("0.30000000000000004")).toBe("0.30")
    expect(money(null)).toBe("0.00")
    expect(money(1234567.891)).toBe("1234567.89")
  })

  it("reads the hold and the payment provider from the environment", () => {
    expect(readOrderSettings({})).toEqual({
      holdMinutes: 15,
      paymentProviderId: "pp_system_default",
      allowSystemPayments: true,
      orphanReservationGraceMinutes: 30,
    })
    expect(readOrderSettings({ ORDER_HOLD_MINUTES: "30", STRIPE_API_KEY: "sk_test_x" })).toEqual({
      holdMinutes: 30,
      paymentProviderId: "pp_stripe_stripe",
      allowSystemPayments: true,
      orphanReservationGraceMinutes: 30,
    })
    expect(() => readOrderSettings({ ORDER_HOLD_MINUTES: "0" })).toThrow()
  })

  it("lets customers confirm system payments only outside production, unless allowed", () => {
    const allowed = (env: NodeJS.ProcessEnv) => readOrderSettings(env).allowSystemPayments
    expect(allowed({ NODE_ENV: "development" })).toBe(true)
    expect(allowed({ NODE_ENV: "production" })).toBe(false)
    expect(allowed({ NODE_ENV: "production", ALLOW_SYSTEM_PAYMENTS: "true" })).toBe(true)
    expect(allowed({ NODE_ENV: "test", ALLOW_SYSTEM_PAYMENTS: "false" })).toBe(false)
  })
})
