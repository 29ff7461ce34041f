import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import type { OrderStatus } from "../../src/modules/order-lifecycle/types"

export type FixtureLine = {
  product_id: string
  title: string
  quantity: number
  unit_price: number
}

export type FixtureOrder = {
  placed_at: string
  currency_code: string
  customer_id: string
  status: OrderStatus
  lines: FixtureLine[]
  /** Captured through Medusa's system provider, then this much refunded. */
  refund?: number
}

/**
 * An order as analytics sees it, made straight in Medusa's modules (no tax, no shipping,
 * so its total is the sum of its lines): the order at `placed_at`, the engine's lifecycle
 * row with `status`, and, with `refund`, a captured system payment refunded that much.
 */
export async function createFixtureOrder(
  container: MedusaContainer,
  fixture: FixtureOrder
): Promise<string> {
  const orders = container.resolve(Modules.ORDER)
  const [order] = await orders.createOrders([
    {
      currency_code: fixture.currency_code,
      customer_id: fixture.customer_id,
      email: `${fixture.customer_id}@example.com`,
      items: fixture.lines,
    },
  ])
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await knex("order").where({ id: order.id }).update({ created_at: fixture.placed_at })
  await container
    .resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
    .createOrderLifecycles({
      order_id: order.id,
      customer_id: fixture.customer_id,
      status: fixture.status,
    })
  if (fixture.refund) {
    const total = fixture.lines.reduce((sum, line) => sum + line.quantity * line.unit_price, 0)
    const payments = container.resolve(Modules.PAYMENT)
    const collection = await payments.createPaymentCollections({
      currency_code: fixture.currency_code,
      amount: total,
    })
    await container.resolve(ContainerRegistrationKeys.LINK).create({
      [Modules.ORDER]: { order_id: order.id },
      [Modules.PAYMENT]: { payment_collection_id: collection.id },
    })
    const session = await payments.createPaymentSession(collection.id, {
      provider_id: "pp_system_default",
      currency_code: fixture.currency_code,
      amount: total,
      data: {},
    })
    const payment = await payments.authorizePaymentSession(session.id, {})
    if (!payment) {
      throw new Error("the system provider did not authorize the fixture's payment")
    }
    await payments.capturePayment({ payment_id: payment.id })
    await payments.refundPayment({ payment_id: payment.id, amount: fixture.refund })
  }
  return order.id
}

/** A minimal CSV reader for the reports (quoted fields, CRLF lines). */
export function parseCsv(text: string): Record<string, string>[] {
  const rows: string[][] = []
  let field = ""
  let row: string[] = []
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"'
        i++
      } else if (char === '"') {
        quoted = false
      } else {
        field += char
      }
    } else if (char === '"') {
      quoted = true
    } else if (char === ",") {
      row.push(field)
      field = ""
    } else if (char === "\n") {
      row.push(field.replace(/\r$/, ""))
      rows.push(row)
      row = []
      field = ""
    } else {
      field += char
    }
  }
  const [header, ...body] = rows
  return body.map((cells) => Object.fromEntries(header.map((name, i) => [name, cells[i]])))
}
