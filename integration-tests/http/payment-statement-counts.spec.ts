import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { Modules } from "@medusajs/framework/utils"
import {
  statementsOf,
  addAndCheckout,
  createShop,
  startFakeStripe,
  useTestRedis,
  waitForIdleEventQueue,
  type FakeStripe,
} from "../helpers"

// As statement-counts.spec.ts (counting on before the app loads, the Redis event bus so
// subscribers are not counted with the request), with payments through Stripe's protocol
// on a fake, as the 1,000-user scenario pays.
process.env.SQL_STATEMENT_COUNTER = "true"
useTestRedis()

jest.setTimeout(180_000)

/**
 * POST /payments/confirm with Stripe's test card: confirming the intent, authorizing the
 * session (Stripe captures at once and Medusa records the capture), the order transaction,
 * the order's move to paid, the attempt's outcome and the answer. It took 92 statements
 * while the settlement ran Medusa's capture workflow over a payment already captured.
 */
const CONFIRM_BUDGET = 80

let stripe: FakeStripe

beforeAll(async () => {
  stripe = await startFakeStripe()
})

afterAll(async () => {
  await stripe.stop()
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("confirms a Stripe payment within its statement budget, recording the capture once", async () => {
      const shop = await createShop(getContainer(), api, {
        name: "Kettle",
        price: "25.00",
        stock_quantity: 20,
      })
      const checkout = await addAndCheckout(api, shop.alice, shop.product.id, 2)
      expect(checkout.status).toBe(201)
      const { order, payment } = checkout.data as {
        order: { id: string; total: string }
        payment: { id: string }
      }

      const confirmed = await api.post(
        "/payments/confirm",
        { payment_id: payment.id, payment_method_id: "pm_card_visa" },
        { headers: shop.alice.headers }
      )
      expect(confirmed.status).toBe(200)
      expect(confirmed.data.status).toBe("succeeded")
      const count = statementsOf(confirmed)
      // Recorded in the test output, for docs/PERFORMANCE.md.
      process.stdout.write(`SQL statements of a Stripe payment confirmation: ${count}\n`)
      expect(count).toBeGreaterThan(0)
      expect(count).toBeLessThanOrEqual(CONFIRM_BUDGET)

      // The capture Stripe made at authorization is the order's one capture transaction,
      // also once the `payment.captured` settlement (in the worker) has run.
      await waitForIdleEventQueue()
      const transactions = await getContainer()
        .resolve(Modules.ORDER)
        .listOrderTransactions({ order_id: order.id }, { select: ["reference", "amount"] })
      expect(transactions.map((t) => [t.reference, Number(t.amount)])).toEqual([
        ["capture", Number(order.total)],
      ])
      const view = await api.get(`/orders/${order.id}`, { headers: shop.alice.headers })
      expect(view.data.status).toBe("paid")
    })
  },
})
