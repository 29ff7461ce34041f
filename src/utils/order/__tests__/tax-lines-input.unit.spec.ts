import type {
  CartLineItemDTO,
  CartShippingMethodDTO,
  CartWorkflowDTO,
} from "@medusajs/framework/types"
import { taxRequestOf } from "../tax-lines-input"

const cart = (overrides: Record<string, unknown> = {}) =>
  ({
    currency_code: "usd",
    region: { automatic_taxes: true },
    shipping_address: { country_code: "us", province: "tx", city: "Austin", postal_code: "78701" },
    customer: { id: "cus_1", email: "a@example.test", groups: [{ id: "grp_1" }], metadata: null },
    ...overrides,
  }) as unknown as CartWorkflowDTO

const items = [
  { id: "li_1", product_id: "prod_1", product_type_id: "ptyp_1", quantity: 2, unit_price: 10 },
  { id: "li_2", product_id: "prod_2", quantity: 1, unit_price: 5, is_giftcard: true },
] as unknown as CartLineItemDTO[]

const methods = [
  { id: "sm_1", shipping_option_id: "so_1", amount: 7 },
] as unknown as CartShippingMethodDTO[]

describe("taxRequestOf", () => {
  it("asks for the items' and the method's lines in one request, gift cards left out", () => {
    const request = taxRequestOf({ orderOrCart: cart(), items, shipping_methods: methods })
    expect(request?.lines).toEqual([
      {
        id: "li_1",
        product_id: "prod_1",
        product_type_id: "ptyp_1",
        quantity: 2,
        unit_price: 10,
        currency_code: "usd",
      },
      { id: "sm_1", shipping_option_id: "so_1", unit_price: 7, currency_code: "usd" },
    ])
    expect(request?.context).toMatchObject({
      address: { country_code: "us", province_code: "tx", city: "Austin", postal_code: "78701" },
      customer: { id: "cus_1", customer_groups: ["grp_1"] },
      is_return: false,
    })
  })

  it("asks nothing when the region computes no taxes or there is no country", () => {
    expect(
      taxRequestOf({
        orderOrCart: cart({ region: { automatic_taxes: false } }),
        items,
        shipping_methods: methods,
      })
    ).toBeNull()
    expect(
      taxRequestOf({
        orderOrCart: cart({ shipping_address: { city: "Nowhere" } }),
        items,
        shipping_methods: methods,
      })
    ).toBeNull()
  })
})
