import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PAYMENT_LEDGER_MODULE } from "../../src/modules/payment-ledger"
import type PaymentLedgerModuleService from "../../src/modules/payment-ledger/service"
import {
  addAndCheckout,
  createShop,
  startFakeStripe,
  stripeWebhookUrl,
  waitFor,
  type AdminSession,
  type CatalogProduct,
  type FakeStripe,
  type Shopper,
} from "../helpers"

// GET /metrics' business series, moved by a real shop: a checkout, a card payment (its
// webhooks), a declined 3-D Secure and a refund, through the fake Stripe on 127.0.0.1.
jest.setTimeout(240_000)

const anyStatus = { validateStatus: () => true }
/** Medusa queues a webhook for 5 s before processing it; then the handlers run. */
const WEBHOOK_WAIT_MS = 60_000
const METRICS_TOKEN = "business-metrics-token"
process.env.METRICS_TOKEN = METRICS_TOKEN

let stripe: FakeStripe

beforeAll(async () => {
  stripe = await startFakeStripe()
})

afterAll(async () => {
  await stripe.stop()
})

type Payment = { id: string; client_secret: string | null }

/** Every sample of a series in the Prometheus text: labels string → value. */
function samples(text: string, name: string): Map<string, number> {
  const found = new Map<string, number>()
  for (const line of text.split("\n")) {
    const match = line.match(new RegExp(`^${name}(\\{[^}]*\\})? (\\S+)$`))
    if (match) {
      found.set(match[1] ?? "", Number(match[2]))
    }
  }
  return found
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let product: CatalogProduct
    let alice: Shopper
    const metricsAuth = { headers: { authorization: `Bearer ${METRICS_TOKEN}` } }

    async function metrics(): Promise<string> {
      const response = await api.get("/metrics", metricsAuth)
      expect(response.status).toBe(200)
      return response.data as string
    }

    const value = (text: string, name: string, labels = "") => samples(text, name).get(labels) ?? 0

    async function checkout() {
      const response = await addAndCheckout(api, alice, product.id, 1)
      expect(response.status).toBe(201)
      const payment = response.data.payment as Payment
      return { payment, intentId: (payment.client_secret as string).split("_secret_")[0] }
    }

    function confirm(paymentId: string, paymentMethodId: string) {
      return api.post(
        "/payments/confirm",
        { payment_id: paymentId, payment_method_id: paymentMethodId },
        { headers: alice.headers, ...anyStatus }
      )
    }

    beforeAll(async () => {
      stripe.webhookUrl = stripeWebhookUrl(api)
      ;({ admin, product, alice } = await createShop(getContainer(), api, {
        name: "Lantern",
        price: "40.00",
        stock_quantity: 20,
      }))
    })

    it("publishes the series and refuses a scrape without the token", async () => {
      expect((await api.get("/metrics", anyStatus)).status).toBe(401)
      const text = await metrics()
      for (const name of [
        "shop_orders_placed_total",
        "shop_payments_captured_total",
        "shop_payments_failed_total",
        "shop_refunds_total",
        "shop_payment_webhook_events_total",
      ]) {
        expect(text).toContain(`# TYPE ${name} counter`)
      }
      expect(text).toContain("# TYPE shop_catalog_lag_seconds gauge")
      expect(text).toContain("# TYPE shop_event_queue_depth gauge")
    })

    it("counts orders placed, payments captured and failed, webhooks and refunds", async () => {
      // Deltas: with Redis the totals are deployment-wide and outlive one app boot.
      const provider = '{provider="stripe_stripe"}'
      const before = await metrics()
      const delta = (text: string, name: string, labels = "") =>
        value(text, name, labels) - value(before, name, labels)
      const paid = await checkout()
      expect((await confirm(paid.payment.id, "pm_card_visa")).status).toBe(200)
      const declined = await checkout()
      await confirm(declined.payment.id, "pm_card_threeDSecure2Required")
      stripe.authenticate(declined.intentId, "fail")
      const [failed] = stripe.eventsOf("payment_intent.payment_failed", declined.intentId)
      await stripe.deliver(failed)
      const refund = await api.post(
        "/payments/refund",
        { payment_id: paid.payment.id, amount: "5.00", reason: "Scratched" },
        { headers: admin.headers, ...anyStatus }
      )
      expect(refund.status).toBe(200)

      const expected = {
        orders: 2,
        captured: 1,
        refunds: 1,
        failed: 1,
        webhooks: 1,
      }
      const observe = (text: string) => ({
        orders: delta(text, "shop_orders_placed_total"),
        captured: delta(text, "shop_payments_captured_total"),
        refunds: delta(text, "shop_refunds_total", '{source="engine"}'),
        failed: delta(text, "shop_payments_failed_total", provider),
        webhooks: delta(text, "shop_payment_webhook_events_total", provider),
      })
      let seen = observe(before)
      await waitFor(async () => {
        seen = observe(await metrics())
        return JSON.stringify(seen) === JSON.stringify(expected)
      }, WEBHOOK_WAIT_MS).catch(() => undefined)
      expect(seen).toEqual(expected)
      // The count comes before the engine applies the event: let that finish before the
      // app shuts down.
      const ledger = getContainer().resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
      await waitFor(async () => {
        const [row] = await ledger.listPaymentWebhookEvents({ event_id: failed.id })
        return Boolean(row?.processed_at)
      }, WEBHOOK_WAIT_MS)
    })
  },
})
