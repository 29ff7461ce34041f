import Stripe from "stripe"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_LEDGER_MODULE } from "../../src/modules/payment-ledger"
import { applyPaymentWebhookWorkflow } from "../../src/workflows/payment/apply-payment-webhook"
import type PaymentLedgerModuleService from "../../src/modules/payment-ledger/service"
import type {
  PaymentWebhookEventRecord,
  ReconciliationFindingRecord,
} from "../../src/modules/payment-ledger/types"
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

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }
/** Medusa queues a webhook for 5 s before processing it; then both handlers run. */
const WEBHOOK_WAIT_MS = 45_000

let stripe: FakeStripe

beforeAll(async () => {
  stripe = await startFakeStripe()
})

afterAll(async () => {
  await stripe.stop()
})

type Payment = { id: string; status: string; client_secret: string | null; captured_amount: string }
type OrderView = { status: string; status_history: { to: string; actor_type: string }[] }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let product: CatalogProduct
    let alice: Shopper

    beforeEach(async () => {
      stripe.clear()
      stripe.webhookUrl = stripeWebhookUrl(api)
      ;({ admin, product, alice } = await createShop(getContainer(), api, {
        name: "Teapot",
        price: "30.00",
        stock_quantity: 20,
      }))
    })

    const ledger = () => getContainer().resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)

    async function checkout() {
      const response = await addAndCheckout(api, alice, product.id, 1)
      expect(response.status).toBe(201)
      const payment = response.data.payment as Payment
      const intentId = (payment.client_secret as string).split("_secret_")[0]
      return { orderId: response.data.order.id as string, payment, intentId }
    }

    function confirm(paymentId: string, paymentMethodId?: string) {
      return api.post(
        "/payments/confirm",
        {
          payment_id: paymentId,
          ...(paymentMethodId ? { payment_method_id: paymentMethodId } : {}),
        },
        { headers: alice.headers, ...anyStatus }
      )
    }

    async function orderOf(id: string): Promise<OrderView> {
      return (await api.get(`/orders/${id}`, { headers: admin.headers })).data as OrderView
    }

    async function paymentOf(id: string): Promise<Payment> {
      return (await api.get(`/payments/${id}`, { headers: alice.headers })).data as Payment
    }

    async function eventRow(eventId: string): Promise<PaymentWebhookEventRecord | undefined> {
      const [row] = (await ledger().listPaymentWebhookEvents({
        event_id: eventId,
      })) as unknown as PaymentWebhookEventRecord[]
      return row
    }

    /** Waits until the engine applied the event (and counted `deliveries` of it). */
    async function applied(eventId: string, deliveries = 1) {
      await waitFor(async () => {
        const row = await eventRow(eventId)
        return !!row?.processed_at && row.deliveries >= deliveries
      }, WEBHOOK_WAIT_MS)
      return (await eventRow(eventId)) as PaymentWebhookEventRecord
    }

    async function capturesOf(orderId: string) {
      const { data } = await getContainer()
        .resolve(ContainerRegistrationKeys.QUERY)
        .graph({
          entity: "order",
          fields: ["payment_collections.payments.captures.id"],
          filters: { id: orderId },
        })
      const collections = (
        data[0] as { payment_collections: { payments: { captures: unknown[] }[] }[] }
      ).payment_collections
      return collections.flatMap((c) => c.payments).flatMap((p) => p.captures)
    }

    function paidEntries(view: OrderView) {
      return view.status_history.filter((change) => change.to === "paid")
    }

    it("3-D Secure: requires_action, then the webhook pays the order", async () => {
      const { orderId, payment, intentId } = await checkout()
      const pending = await confirm(payment.id, "pm_card_threeDSecure2Required")
      expect(pending.data.status).toBe("requires_action")
      // Marked as the engine's: the webhook below is applied by the engine alone (Medusa's
      // handler is told it is not supported), and still pays the order.
      expect(stripe.paymentIntent(intentId).metadata).toMatchObject({
        opened_by: "engine-checkout",
      })

      stripe.authenticate(intentId, "succeed")
      const [succeeded] = stripe.eventsOf("payment_intent.succeeded", intentId)
      expect(await stripe.deliver(succeeded)).toEqual([200])
      const row = await applied(succeeded.id)
      expect(row.outcome).toBe("settled: succeeded")

      const view = await orderOf(orderId)
      expect(view.status).toBe("paid")
      expect(paidEntries(view)).toEqual([expect.objectContaining({ actor_type: "system" })])
      expect(await paymentOf(payment.id)).toMatchObject({
        status: "succeeded",
        captured_amount: "35.00",
      })
      expect(await capturesOf(orderId)).toHaveLength(1)
    })

    it("a failed 3-D Secure leaves the order pending and allows a new payment", async () => {
      const { orderId, payment, intentId } = await checkout()
      await confirm(payment.id, "pm_card_threeDSecure2Required")
      stripe.authenticate(intentId, "fail")
      const [failed] = stripe.eventsOf("payment_intent.payment_failed", intentId)
      await stripe.deliver(failed)
      expect((await applied(failed.id)).outcome).toBe("settled: failed")
      expect((await orderOf(orderId)).status).toBe("pending")
      expect((await paymentOf(payment.id)).status).toBe("failed")
      const again = await api.post(
        "/payments/create",
        { order_id: orderId },
        { headers: alice.headers, ...anyStatus }
      )
      expect(again.status).toBe(201)
    })

    it("an event delivered 5 times at once and out of order is applied once", async () => {
      const { orderId, payment, intentId } = await checkout()
      await confirm(payment.id, "pm_card_threeDSecure2Required")
      stripe.authenticate(intentId, "succeed")
      const [succeeded] = stripe.eventsOf("payment_intent.succeeded", intentId)
      const [requiresAction] = stripe.eventsOf("payment_intent.requires_action", intentId)
      const [created] = stripe.eventsOf("payment_intent.created", intentId)

      // The newest event first, five times at once; then the older ones, late.
      expect(await stripe.deliver(succeeded, { times: 5, concurrent: true })).toEqual([
        200, 200, 200, 200, 200,
      ])
      await stripe.deliver(requiresAction)
      await stripe.deliver(created)

      const row = await applied(succeeded.id, 5)
      expect(row.deliveries).toBe(5)
      await applied(requiresAction.id)
      // A new intent is no news for the attempt: logged, not settled.
      expect((await applied(created.id)).outcome).toBe("ignored: event type")

      const view = await orderOf(orderId)
      expect(view.status).toBe("paid")
      expect(paidEntries(view)).toHaveLength(1)
      // The late requires_action did not turn the payment back.
      expect((await paymentOf(payment.id)).status).toBe("succeeded")
      expect(await capturesOf(orderId)).toHaveLength(1)
      expect(stripe.countRequests("POST", /\/capture$/)).toBe(0)
    })

    it("a webhook before, during or after /payments/confirm: one capture, one paid", async () => {
      // Before: Stripe.js confirmed on the storefront and the webhook came first.
      const before = await checkout()
      stripe.succeedOutOfBand(before.intentId)
      const [beforeEvent] = stripe.eventsOf("payment_intent.succeeded", before.intentId)
      await stripe.deliver(beforeEvent)
      await applied(beforeEvent.id)
      const late = await confirm(before.payment.id)
      expect(late.status).toBe(200)
      expect(late.data.status).toBe("succeeded")

      // During: the confirmation and the webhook's application race. (Delivered over HTTP
      // the event would wait out Medusa's 5 s queue delay, so it is applied directly, as
      // the engine's subscriber does once Medusa releases it.)
      const during = await checkout()
      stripe.succeedOutOfBand(during.intentId)
      const [duringEvent] = stripe.eventsOf("payment_intent.succeeded", during.intentId)
      const sessionId = (
        (await ledger().listPaymentAttempts({ id: during.payment.id })) as unknown as {
          session_id: string
        }[]
      )[0].session_id
      const [raced] = await Promise.all([
        confirm(during.payment.id),
        applyPaymentWebhookWorkflow(getContainer()).run({
          input: {
            event_id: duringEvent.id,
            event_type: duringEvent.type,
            session_id: sessionId,
          },
        }),
      ])
      expect(raced.status).toBe(200)
      expect(raced.data.status).toBe("succeeded")
      expect((await eventRow(duringEvent.id))?.outcome).toBe("settled: succeeded")

      // After: the customer confirmed through the engine, then Stripe's events arrive.
      const after = await checkout()
      expect((await confirm(after.payment.id, "pm_card_visa")).data.status).toBe("succeeded")
      const afterEvents = stripe.eventsOf(undefined, after.intentId)
      for (const event of afterEvents) {
        await stripe.deliver(event)
      }
      for (const event of afterEvents) {
        await applied(event.id)
      }

      for (const { orderId } of [before, during, after]) {
        const view = await orderOf(orderId)
        expect(view.status).toBe("paid")
        expect(paidEntries(view)).toHaveLength(1)
        expect(await capturesOf(orderId)).toHaveLength(1)
      }
    })

    it("a forged, stale, missing or tampered signature is a 400", async () => {
      const { orderId, intentId } = await checkout()
      stripe.succeedOutOfBand(intentId)
      const [event] = stripe.eventsOf("payment_intent.succeeded", intentId)

      expect(await stripe.deliver(event, { secret: "whsec_forged" })).toEqual([400])
      const stale = Math.floor(Date.now() / 1000) - 3600
      expect(await stripe.deliver(event, { timestamp: stale })).toEqual([400])
      const unsigned = await api.post("/hooks/payment/stripe_stripe", event, anyStatus)
      expect(unsigned.status).toBe(400)
      // A tampered body under a signature made for the original.
      const original = JSON.stringify(event)
      const signature = Stripe.webhooks.generateTestHeaderString({
        payload: original,
        secret: stripe.webhookSecret,
      })
      const tampered = await api.post(
        "/hooks/payment/stripe_stripe",
        original.replace(intentId, "pi_other"),
        {
          headers: { "stripe-signature": signature, "content-type": "application/json" },
          ...anyStatus,
        }
      )
      expect(tampered.status).toBe(400)
      expect((await orderOf(orderId)).status).toBe("pending")
      // The genuine delivery is accepted and applied, and it is the only one that reached
      // the engine: the four refused ones were never queued.
      expect(await stripe.deliver(event)).toEqual([200])
      const row = await applied(event.id)
      expect(row.deliveries).toBe(1)
      expect((await orderOf(orderId)).status).toBe("paid")
    })

    it("charge.refunded: the engine's own refunds agree; a dashboard refund is reported", async () => {
      const { orderId, payment, intentId } = await checkout()
      await confirm(payment.id, "pm_card_visa")
      const refunded = await api.post(
        "/payments/refund",
        { payment_id: payment.id, amount: "5.00" },
        { headers: admin.headers, ...anyStatus }
      )
      expect(refunded.status).toBe(200)
      const [own] = stripe.eventsOf("charge.refunded")
      await stripe.deliver(own)
      expect((await applied(own.id)).outcome).toBe("refunds agree")

      stripe.refundOutOfBand(intentId, 1000)
      const outside = stripe.eventsOf("charge.refunded").find((e) => e.id !== own.id)!
      await stripe.deliver(outside)
      expect((await applied(outside.id)).outcome).toBe("refund outside the engine")
      const findings = (await ledger().listReconciliationFindings({
        order_id: orderId,
      })) as unknown as ReconciliationFindingRecord[]
      expect(findings).toEqual([
        expect.objectContaining({ kind: "refund_outside_engine", resolution: "needs_attention" }),
      ])
      expect(findings[0].detail).toMatch(/Stripe refunded 15.00 usd, Medusa recorded 5.00/)
    })
  },
})
