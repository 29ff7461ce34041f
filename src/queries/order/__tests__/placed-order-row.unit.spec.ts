import { ORDER_VIEW_FIELDS } from "../order-view"
import { placedOrderRowOf, placedOrderViewOf } from "../placed-order-view"

/** Medusa's order as createOrdersStep answers it, after the workflow engine's copy (plain JSON). */
const createdOrder = {
  id: "order_1",
  display_id: 7,
  custom_display_id: null,
  version: 1,
  region_id: "reg_1",
  customer_id: "cus_1",
  sales_channel_id: "sc_1",
  email: "shopper@example.com",
  currency_code: "usd",
  created_at: "2026-12-07T10:00:00.000Z",
  updated_at: "2026-12-07T10:00:00.000Z",
  summary: { pending_difference: 35, raw_pending_difference: { value: "35", precision: 20 } },
  items: [
    {
      id: "ordli_1",
      product_id: "prod_1",
      variant_id: "variant_1",
      title: "Default",
      subtitle: "Lamp",
      product_title: "Lamp",
      thumbnail: null,
      unit_price: 15,
      quantity: 2,
      subtotal: 30,
      total: 30,
      raw_unit_price: { value: "15", precision: 20 },
      tax_lines: [],
      adjustments: [],
    },
  ],
  shipping_methods: [
    { id: "ordsm_1", name: "Standard", shipping_option_id: "so_1", amount: 5, tax_lines: [] },
  ],
  shipping_address: {
    id: "addr_1",
    address_1: "1 Main St",
    city: "Springfield",
    country_code: "us",
  },
  billing_address: null,
  item_subtotal: 30,
  tax_total: 0,
  shipping_total: 5,
  discount_total: 0,
  total: 35,
  original_total: 35,
  raw_total: { value: "35", precision: 20 },
}

describe("placedOrderRowOf", () => {
  const row = placedOrderRowOf(createdOrder as never)

  it("keeps only the fields of the order view", () => {
    expect(Object.keys(row).sort()).toEqual(
      [
        "billing_address",
        "created_at",
        "currency_code",
        "customer_id",
        "discount_total",
        "display_id",
        "email",
        "id",
        "item_subtotal",
        "items",
        "shipping_address",
        "shipping_methods",
        "shipping_total",
        "tax_total",
        "total",
        "updated_at",
      ].sort()
    )
    expect(row.items).toEqual([
      {
        id: "ordli_1",
        product_id: "prod_1",
        variant_id: "variant_1",
        title: "Default",
        product_title: "Lamp",
        thumbnail: null,
        unit_price: 15,
        quantity: 2,
        subtotal: 30,
      },
    ])
    expect(row.shipping_methods).toEqual([{ name: "Standard", shipping_option_id: "so_1" }])
  })

  it("keeps every field the order view reads, but the payments the checkout adds", () => {
    const kept = (path: string): boolean => {
      const [head, field] = path.split(".")
      const value = (row as Record<string, unknown>)[head]
      if (!field || field === "*") {
        return head in row
      }
      const first = (Array.isArray(value) ? value[0] : value) as Record<string, unknown>
      return !!first && field in first
    }
    const missing = ORDER_VIEW_FIELDS.filter(
      (path) => !path.startsWith("payment_collections") && !kept(path)
    )
    expect(missing).toEqual([])
  })

  it("shapes the same answer as the whole order does", () => {
    const records = {
      lifecycle: {
        id: "olc_1",
        order_id: "order_1",
        customer_id: "cus_1",
        status: "pending",
        hold_expires_at: "2026-12-07T10:30:00.000Z",
        created_at: "2026-12-07T10:00:00.000Z",
        updated_at: "2026-12-07T10:00:00.000Z",
      },
      change: {
        id: "osc_1",
        order_id: "order_1",
        from_status: null,
        to_status: "pending",
        actor_type: "customer",
        actor_id: "cus_1",
        reason: null,
        sequence: 1,
        created_at: "2026-12-07T10:00:00.000Z",
      },
      collection: {
        id: "pay_col_1",
        status: "not_paid",
        amount: 35,
        created_at: "2026-12-07T10:00:00.000Z",
      },
      session: {
        id: "payses_1",
        provider_id: "pp_system_default",
        status: "pending",
        created_at: "2026-12-07T10:00:00.000Z",
        data: {},
      },
      attempt: {
        id: "payatt_1",
        session_id: "payses_1",
        order_id: "order_1",
        customer_id: "cus_1",
        payment_collection_id: "pay_col_1",
        provider_id: "pp_system_default",
        amount: 35,
        currency_code: "usd",
        status: "pending",
        provider_reference: null,
        created_at: "2026-12-07T10:00:00.000Z",
        updated_at: "2026-12-07T10:00:00.000Z",
      },
    }
    expect(placedOrderViewOf({ ...records, order: row } as never)).toEqual(
      placedOrderViewOf({ ...records, order: createdOrder } as never)
    )
  })
})
