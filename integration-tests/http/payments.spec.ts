import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { paymentList } from "../../src/api/payments/validators"
import { paymentView, type PaymentView } from "../../src/queries/payment/payment-view"
import { reconcilePayments } from "../../src/tasks/payment/reconcile"
import { ORDER_LIFECYCLE_MODULE } from "../../src/modules/order-lifecycle"
import type OrderLifecycleModuleService from "../../src/modules/order-lifecycle/service"
import { seedStore } from "../../src/scripts/seed/store"
import { updateRegionsWorkflow } from "@medusajs/medusa/core-flows"
import {
  addAndCheckout,
  createShop,
  startFakeStripe,
  type AdminSession,
  type CatalogProduct,
  type FakeStripe,
  type Shopper,
  waitFor,
} from "../helpers"

jest.setTimeout(180_000)

const anyStatus = { validateStatus: () => true }

let stripe: FakeStripe

beforeAll(async () => {
  stripe = await startFakeStripe()
})

afterAll(async () => {
  await stripe.stop()
})

type Payment = PaymentView

type OrderView = {
  id: string
  status: string
  status_history: { from: string | null; to: string; actor_type: string }[]
}

/** Stripe's PaymentIntent id is the part of the client secret before `_secret_`. */
function intentIdOf(payment: Payment): string {
  return (payment.client_secret as string).split("_secret_")[0]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: AdminSession
    let product: CatalogProduct
    let alice: Shopper
    let bob: Shopper

    beforeEach(async () => {
      stripe.clear()
      ;({ admin, product, alice, bob } = await createShop(getContainer(), api, {
        name: "Kettle",
        price: "25.00",
        stock_quantity: 20,
      }))
    })

    async function checkout(shopper: Shopper = alice, quantity = 2) {
      const response = await addAndCheckout(api, shopper, product.id, quantity)
      expect(response.status).toBe(201)
      return response.data as { order: { id: string; total: string }; payment: Payment }
    }

    function confirm(shopper: Shopper, paymentId: string, paymentMethodId?: string) {
      return api.post(
        "/payments/confirm",
        {
          payment_id: paymentId,
          ...(paymentMethodId ? { payment_method_id: paymentMethodId } : {}),
        },
        { headers: shopper.headers, ...anyStatus }
      )
    }

    async function orderOf(id: string, headers = admin.headers): Promise<OrderView> {
      const { data } = await api.get(`/orders/${id}`, { headers })
      return data as OrderView
    }

    async function paidOrder(shopper: Shopper = alice) {
      const placed = await checkout(shopper)
      const confirmed = await confirm(shopper, placed.payment.id, "pm_card_visa")
      expect(confirmed.status).toBe(200)
      return { ...placed, intentId: intentIdOf(placed.payment), payment: confirmed.data as Payment }
    }

    async function medusaPaymentsOf(orderId: string) {
      const query = getContainer().resolve("query")
      const { data } = await query.graph({
        entity: "order",
        fields: [
          "payment_collections.payments.id",
          "payment_collections.payments.captured_at",
          "payment_collections.payments.captures.amount",
          "payment_collections.payments.refunds.amount",
        ],
        filters: { id: orderId },
      })
      return (
        (data[0] as { payment_collections: { payments: unknown[] }[] }).payment_collections ?? []
      ).flatMap((c) => c.payments) as {
        id: string
        captured_at: string | null
        captures: { amount: number }[]
        refunds: { amount: number }[]
      }[]
    }

    describe("checkout opens a Stripe payment", () => {
      it("answers the PaymentIntent's client secret, created with the session as idempotency key", async () => {
        const { order, payment } = await checkout()
        expect(paymentView.parse(payment)).toBeTruthy()
        expect(payment).toMatchObject({
          id: expect.stringMatching(/^payatt_/),
          order_id: order.id,
          amount: "55.00",
          currency_code: "usd",
          status: "pending",
          provider: "pp_stripe_stripe",
          client_secret: expect.stringMatching(/^pi_\w+_secret_\w+$/),
          captured_amount: "0.00",
        })
        const intent = stripe.paymentIntent(intentIdOf(payment))
        expect(intent).toMatchObject({
          amount: 5500,
          currency: "usd",
          status: "requires_payment_method",
        })
        const creates = stripe.requests.filter(
          (r) => r.method === "POST" && r.path === "/v1/payment_intents"
        )
        expect(creates).toHaveLength(1)
        expect(creates[0].idempotencyKey).toMatch(/^payses_/)
      })
    })

    describe("POST /payments/confirm", () => {
      it("succeeds with a good card: captured once, the order paid by the customer", async () => {
        const { order, payment } = await checkout()
        const confirmed = await confirm(alice, payment.id, "pm_card_visa")
        expect(confirmed.status).toBe(200)
        expect(confirmed.data).toMatchObject({
          id: payment.id,
          status: "succeeded",
          captured_amount: "55.00",
          client_secret: null,
          failure: null,
        })
        expect(stripe.paymentIntent(intentIdOf(payment)).status).toBe("succeeded")
        const view = await orderOf(order.id, alice.headers)
        expect(view.status).toBe("paid")
        expect(view.status_history.map((c) => [c.to, c.actor_type])).toEqual([
          ["pending", "customer"],
          ["paid", "customer"],
        ])
        const [medusaPayment] = await medusaPaymentsOf(order.id)
        expect(medusaPayment.captured_at).toBeTruthy()
        expect(medusaPayment.captures).toHaveLength(1)
        // The confirmation carried an idempotency key made of the session and the card.
        const confirms = stripe.requests.filter((r) => r.path.endsWith("/confirm"))
        expect(confirms).toHaveLength(1)
        expect(confirms[0].idempotencyKey).toMatch(/^payses_\w+:confirm:pm_card_visa$/)
      })

      it("confirming again answers the same succeeded payment without charging twice", async () => {
        const { payment } = await paidOrder()
        const again = await confirm(alice, payment.id, "pm_card_visa")
        expect(again.status).toBe(200)
        expect(again.data.status).toBe("succeeded")
        expect(stripe.countRequests("POST", /\/confirm$/)).toBe(1)
        expect(stripe.countRequests("POST", /\/capture$/)).toBe(0)
      })

      it("concurrent confirmations confirm at Stripe once and pay the order once", async () => {
        const { order, payment } = await checkout()
        const results = await Promise.all(
          [1, 2, 3].map(() => confirm(alice, payment.id, "pm_card_visa"))
        )
        expect(results.map((r) => [r.status, r.data.status])).toEqual([
          [200, "succeeded"],
          [200, "succeeded"],
          [200, "succeeded"],
        ])
        expect(stripe.countRequests("POST", /\/confirm$/, { excludeReplays: true })).toBe(1)
        const view = await orderOf(order.id)
        expect(view.status_history.filter((c) => c.to === "paid")).toHaveLength(1)
        expect((await medusaPaymentsOf(order.id))[0].captures).toHaveLength(1)
      })

      it("without a card, or with one Stripe does not know, is a 400", async () => {
        const { order, payment } = await checkout()
        const none = await confirm(alice, payment.id)
        expect(none.status).toBe(400)
        expect(none.data.message).toMatch(/payment method/i)
        const unknown = await confirm(alice, payment.id, "pm_unknown123")
        expect(unknown.status).toBe(400)
        expect(unknown.data.message).toMatch(/Stripe refused the payment method/)
        const malformed = await confirm(alice, payment.id, "card_4242")
        expect(malformed.status).toBe(400)
        expect((await orderOf(order.id)).status).toBe("pending")
        // Still payable with a good card.
        expect((await confirm(alice, payment.id, "pm_card_visa")).data.status).toBe("succeeded")
      })

      it("a declined card is a 402 with Stripe's reason; the order stays pending", async () => {
        const { order, payment } = await checkout()
        const declined = await confirm(alice, payment.id, "pm_card_chargeDeclined")
        expect(declined.status).toBe(402)
        expect(declined.data).toMatchObject({
          type: "payment_declined",
          message: "Your card was declined.",
          code: "generic_decline",
        })
        expect((await orderOf(order.id)).status).toBe("pending")
        const { data: failed } = await api.get(`/payments/${payment.id}`, {
          headers: alice.headers,
        })
        expect(failed).toMatchObject({
          status: "failed",
          failure: { code: "generic_decline", message: "Your card was declined." },
          captured_amount: "0.00",
        })
        // A failed payment cannot be confirmed again: a new one is needed.
        expect((await confirm(alice, payment.id, "pm_card_visa")).status).toBe(409)
        // Cancelling the order closes the declined intent too: Stripe.js cannot retry it.
        await api.delete(`/orders/${order.id}`, { headers: alice.headers })
        expect(stripe.paymentIntent(intentIdOf(payment)).status).toBe("canceled")
      })

      it("insufficient funds are reported with their own decline code", async () => {
        const { payment } = await checkout()
        const declined = await confirm(alice, payment.id, "pm_card_chargeDeclinedInsufficientFunds")
        expect(declined.status).toBe(402)
        expect(declined.data.code).toBe("insufficient_funds")
      })

      it("3-D Secure answers requires_action with Stripe's next action", async () => {
        const { order, payment } = await checkout()
        const pending = await confirm(alice, payment.id, "pm_card_threeDSecure2Required")
        expect(pending.status).toBe(200)
        expect(pending.data).toMatchObject({
          status: "requires_action",
          next_action: { type: "use_stripe_sdk" },
          client_secret: payment.client_secret,
        })
        expect((await orderOf(order.id)).status).toBe("pending")
      })

      it("refuses bad input, another customer's payment, no token and an admin", async () => {
        const { payment } = await checkout()
        const missing = await api.post(
          "/payments/confirm",
          {},
          { headers: alice.headers, ...anyStatus }
        )
        expect(missing.status).toBe(400)
        expect(missing.data.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: "payment_id" })])
        )
        const extra = await api.post(
          "/payments/confirm",
          { payment_id: payment.id, amount: 1 },
          { headers: alice.headers, ...anyStatus }
        )
        expect(extra.status).toBe(400)
        expect((await confirm(bob, payment.id, "pm_card_visa")).status).toBe(404)
        expect((await confirm(alice, "payatt_unknown", "pm_card_visa")).status).toBe(404)
        const anonymous = await api.post("/payments/confirm", { payment_id: payment.id }, anyStatus)
        expect(anonymous.status).toBe(401)
        const asAdmin = await api.post(
          "/payments/confirm",
          { payment_id: payment.id },
          { headers: admin.headers, ...anyStatus }
        )
        expect(asAdmin.status).toBe(403)
        expect(stripe.countRequests("POST", /\/confirm$/)).toBe(0)
      })
    })

    describe("the seed", () => {
      it("moves regions made before Stripe was configured to Stripe only", async () => {
        const container = getContainer()
        const query = container.resolve("query")
        const providersOf = async () => {
          const { data } = await query.graph({
            entity: "region",
            fields: ["name", "payment_providers.id"],
          })
          return (data as { payment_providers: { id: string }[] }[]).map((region) =>
            region.payment_providers.map((provider) => provider.id)
          )
        }
        const [region] = await container.resolve(Modules.REGION).listRegions({}, { take: 1 })
        await updateRegionsWorkflow(container).run({
          input: {
            selector: { id: region.id },
            update: { payment_providers: ["pp_system_default"] },
          },
        })
        expect((await providersOf()).flat()).toContain("pp_system_default")
        await seedStore(container)
        const after = await providersOf()
        expect(after.length).toBeGreaterThan(0)
        expect(after.every((ids) => ids.join() === "pp_stripe_stripe")).toBe(true)
      })
    })

    describe("an order marked paid by hand", () => {
      it("closes its open Stripe payment, so the customer cannot pay twice", async () => {
        const { order, payment } = await checkout()
        const marked = await api.put(
          `/orders/${order.id}/status`,
          { status: "paid", note: "Paid by bank transfer" },
          { headers: admin.headers }
        )
        expect(marked.data.status).toBe("paid")
        expect(stripe.paymentIntent(intentIdOf(payment)).status).toBe("canceled")
        const { data: closed } = await api.get(`/payments/${payment.id}`, {
          headers: alice.headers,
        })
        expect(closed).toMatchObject({ status: "canceled", client_secret: null })
        const late = await confirm(alice, payment.id, "pm_card_visa")
        expect(late.status).toBe(409)
        expect(stripe.countRequests("POST", /\/confirm$/)).toBe(0)
      })
    })

    describe("POST /payments/create", () => {
      it("opens a new payment after a decline, which then succeeds", async () => {
        const { order, payment } = await checkout()
        expect((await confirm(alice, payment.id, "pm_card_chargeDeclined")).status).toBe(402)
        const created = await api.post(
          "/payments/create",
          { order_id: order.id },
          { headers: alice.headers, ...anyStatus }
        )
        expect(created.status).toBe(201)
        expect(created.data).toMatchObject({
          order_id: order.id,
          amount: "55.00",
          status: "pending",
          client_secret: expect.stringMatching(/^pi_/),
        })
        expect(created.data.id).not.toBe(payment.id)
        const confirmed = await confirm(alice, created.data.id, "pm_card_visa")
        expect(confirmed.data.status).toBe("succeeded")
        expect((await orderOf(order.id)).status).toBe("paid")
        // Both attempts are in the history, the failed one with its reason.
        const { data: history } = await api.get(`/payments?limit=10`, { headers: alice.headers })
        expect(history.items.map((p: Payment) => p.status)).toEqual(["succeeded", "failed"])
      })

      it("is a 409 while a payment is in progress or once paid, and a 404 for others' orders", async () => {
        const { order, payment } = await checkout()
        const body = { order_id: order.id }
        const inProgress = await api.post("/payments/create", body, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(inProgress.status).toBe(409)
        expect(inProgress.data.message).toContain(payment.id)
        expect(
          (await api.post("/payments/create", body, { headers: bob.headers, ...anyStatus })).status
        ).toBe(404)
        await confirm(alice, payment.id, "pm_card_visa")
        const paid = await api.post("/payments/create", body, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(paid.status).toBe(409)
        expect(
          stripe.countRequests("POST", /^\/v1\/payment_intents$/, { excludeReplays: true })
        ).toBe(1)
      })

      it("two concurrent requests after a decline open one payment", async () => {
        const { order, payment } = await checkout()
        await confirm(alice, payment.id, "pm_card_chargeDeclined")
        const results = await Promise.all(
          [1, 2, 3].map(() =>
            api.post(
              "/payments/create",
              { order_id: order.id },
              { headers: alice.headers, ...anyStatus }
            )
          )
        )
        expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409])
      })
    })

    describe("POST /payments/refund", () => {
      it("refunds part, refuses more than is left, then refunds the rest", async () => {
        const { order, payment } = await paidOrder()
        const refund = (body: Record<string, unknown>, headers = admin.headers) =>
          api.post(
            "/payments/refund",
            { payment_id: payment.id, ...body },
            { headers, ...anyStatus }
          )

        const partial = await refund({ amount: "10.00", reason: "Dented lid" })
        expect(partial.status).toBe(200)
        expect(partial.data).toMatchObject({
          status: "partially_refunded",
          refunded_amount: "10.00",
        })
        expect((await orderOf(order.id)).status).toBe("partially_refunded")

        const over = await refund({ amount: "45.01" })
        expect(over.status).toBe(409)
        expect(over.data.message).toMatch(/only 45.00/)

        const again = await refund({ amount: "5.00" })
        expect(again.status).toBe(200)
        expect(again.data).toMatchObject({ status: "partially_refunded", refunded_amount: "15.00" })

        const rest = await refund({})
        expect(rest.status).toBe(200)
        expect(rest.data).toMatchObject({ status: "refunded", refunded_amount: "55.00" })
        const view = await orderOf(order.id)
        expect(view.status).toBe("refunded")

        const stripeRefunds = stripe.requests.filter((r) => r.path === "/v1/refunds" && !r.replayed)
        expect(stripeRefunds.map((r) => r.params.amount)).toEqual(["1000", "500", "4000"])
        expect((await refund({ amount: "1.00" })).status).toBe(409)
      })

      it("a retried refund with the same Idempotency-Key refunds once", async () => {
        const { payment, intentId } = await paidOrder()
        const send = () =>
          api.post(
            "/payments/refund",
            { payment_id: payment.id, amount: "10.00" },
            { headers: { ...admin.headers, "idempotency-key": "refund-once-1" }, ...anyStatus }
          )
        const first = await send()
        const retry = await send()
        expect(first.status).toBe(200)
        expect(retry.status).toBe(200)
        expect(retry.headers["idempotent-replayed"]).toBe("true")
        expect(retry.data.refunded_amount).toBe("10.00")
        expect(stripe.countRequests("POST", "/v1/refunds", { excludeReplays: true })).toBe(1)
        // Stripe got a key of its own, derived from the refund asked for (not Medusa's
        // refund row id, which a retry after a lost answer would not share).
        const [call] = stripe.requests.filter((r) => r.path === "/v1/refunds")
        expect(call.idempotencyKey).toBe(`refund:${intentId}:0+1000`)
      })

      it("refuses customers, bad amounts and payments with nothing captured", async () => {
        const { payment } = await paidOrder()
        const asCustomer = await api.post(
          "/payments/refund",
          { payment_id: payment.id },
          { headers: alice.headers, ...anyStatus }
        )
        expect(asCustomer.status).toBe(403)
        for (const amount of ["-1", "0", "1.234", "abc"]) {
          const bad = await api.post(
            "/payments/refund",
            { payment_id: payment.id, amount },
            { headers: admin.headers, ...anyStatus }
          )
          expect(bad.status).toBe(400)
        }
        const unpaid = await checkout(bob)
        const nothing = await api.post(
          "/payments/refund",
          { payment_id: unpaid.payment.id },
          { headers: admin.headers, ...anyStatus }
        )
        expect(nothing.status).toBe(409)
        expect(stripe.countRequests("POST", "/v1/refunds")).toBe(0)
      })

      it("cancelling a paid order refunds it at Stripe", async () => {
        const { order, payment, intentId } = await paidOrder()
        const cancelled = await api.delete(`/orders/${order.id}`, { headers: alice.headers })
        expect(cancelled.data.status).toBe("cancelled")
        const refunds = stripe.requests.filter((r) => r.path === "/v1/refunds" && !r.replayed)
        expect(refunds).toHaveLength(1)
        expect(refunds[0].params).toMatchObject({ amount: "5500", payment_intent: intentId })
        const { data } = await api.get(`/payments/${payment.id}`, { headers: alice.headers })
        expect(data).toMatchObject({ status: "refunded", refunded_amount: "55.00" })
      })
    })

    describe("refunds whose Stripe answer was lost, and concurrent refunds", () => {
      /** Medusa's refunds of the order's payment, in cents, oldest first. */
      async function medusaRefundsOf(orderId: string): Promise<number[]> {
        const [payment] = await medusaPaymentsOf(orderId)
        return payment.refunds.map((refund) => Math.round(Number(refund.amount) * 100)).sort()
      }

      /** Medusa's own status of the order (`canceled` once Medusa cancelled it). */
      async function medusaStatusOf(orderId: string): Promise<string> {
        const [row] = await getContainer()
          .resolve(Modules.ORDER)
          .listOrders({ id: orderId }, { select: ["status"] })
        return row.status
      }

      /** The refunds Stripe made of an intent, in cents. */
      const stripeRefundsOf = (intentId: string) =>
        stripe
          .refundsOf(intentId)
          .map((refund) => refund.amount)
          .sort()

      /**
       * Stripe makes the refund but its answer (and those of the client's own retries) is
       * lost: the request fails and nothing is recorded. It is then retried as a new request
       * (no Idempotency-Key of ours), which succeeds.
       */
      async function refundLostThenRetried(
        lost: { orderId: string; intentId: string },
        send: () => Promise<{ status: number }>,
        engineRoute = true
      ) {
        stripe.dropAnswers("POST", "/v1/refunds")
        const failed = await send()
        stripe.answerAgain("POST", "/v1/refunds")
        // The engine's routes say the upstream failed (502, in the shared shape); Medusa's
        // dashboard route keeps Medusa's refund workflow and its 500.
        if (engineRoute) {
          expect(failed.status).toBe(502)
          expect((failed as { data?: { type?: string } }).data?.type).toBe("payment_provider_error")
        } else {
          expect(failed.status).toBeGreaterThanOrEqual(500)
        }
        expect(stripe.refundsOf(lost.intentId)).toHaveLength(1)
        expect(await medusaRefundsOf(lost.orderId)).toEqual([])
        expect((await orderOf(lost.orderId)).status).toBe("paid")
        const retried = await send()
        expect(retried.status).toBe(200)
        return retried
      }

      it("POST /payments/refund: the retry is replayed by Stripe and recorded once", async () => {
        const { order, payment, intentId } = await paidOrder()
        const retried = await refundLostThenRetried({ orderId: order.id, intentId }, () =>
          api.post(
            "/payments/refund",
            { payment_id: payment.id, amount: "10.00" },
            { headers: admin.headers, ...anyStatus }
          )
        )
        expect(retried).toMatchObject({ data: { refunded_amount: "10.00" } })
        expect(stripeRefundsOf(intentId)).toEqual([1000])
        expect(await medusaRefundsOf(order.id)).toEqual([1000])
        const calls = stripe.requests.filter((r) => r.path === "/v1/refunds")
        expect(calls.some((call) => call.dropped)).toBe(true)
        expect(new Set(calls.map((call) => call.idempotencyKey)).size).toBe(1)
        const view = await orderOf(order.id)
        expect(view.status).toBe("partially_refunded")
        expect(view.status_history.map((change) => change.to)).toEqual([
          "pending",
          "paid",
          "partially_refunded",
        ])

        // A further equal refund is a new one: Stripe refunds again.
        const again = await api.post(
          "/payments/refund",
          { payment_id: payment.id, amount: "10.00" },
          { headers: admin.headers }
        )
        expect(again.data.refunded_amount).toBe("20.00")
        expect(stripeRefundsOf(intentId)).toEqual([1000, 1000])
        expect(await medusaRefundsOf(order.id)).toEqual([1000, 1000])
      })

      it("the refunded status move: the retry is replayed by Stripe and recorded once", async () => {
        const { order, intentId } = await paidOrder()
        // Nothing was shipped: the move cancels Medusa's order, which refunds through it.
        const medusaStatus = () => medusaStatusOf(order.id)
        await refundLostThenRetried({ orderId: order.id, intentId }, async () => {
          const moved = await api.put(
            `/orders/${order.id}/status`,
            { status: "refunded" },
            { headers: admin.headers, ...anyStatus }
          )
          // The failed move rolled back the cancellation with it.
          if (moved.status >= 500) {
            expect(await medusaStatus()).not.toBe("canceled")
          }
          return moved
        })
        expect(stripeRefundsOf(intentId)).toEqual([5500])
        expect(await medusaRefundsOf(order.id)).toEqual([5500])
        expect(await medusaStatus()).toBe("canceled")
        const view = await orderOf(order.id)
        expect(view.status_history.map((change) => change.to)).toEqual([
          "pending",
          "paid",
          "refunded",
        ])
      })

      it("the dashboard's refund: the retry is replayed by Stripe and recorded once", async () => {
        const { order, intentId } = await paidOrder()
        const [medusaPayment] = await medusaPaymentsOf(order.id)
        await refundLostThenRetried(
          { orderId: order.id, intentId },
          () =>
            api.post(
              `/admin/payments/${medusaPayment.id}/refund`,
              { amount: 7 },
              { headers: admin.headers, ...anyStatus }
            ),
          false
        )
        expect(stripeRefundsOf(intentId)).toEqual([700])
        expect(await medusaRefundsOf(order.id)).toEqual([700])
        // The engine's handler of the route keeps Medusa's authentication and validation.
        const route = `/admin/payments/${medusaPayment.id}/refund`
        const asCustomer = await api.post(
          route,
          { amount: 1 },
          { headers: alice.headers, ...anyStatus }
        )
        expect(asCustomer.status).toBe(401)
        const bad = await api.post(
          route,
          { amount: "abc" },
          { headers: admin.headers, ...anyStatus }
        )
        expect(bad.status).toBe(400)
        expect(stripeRefundsOf(intentId)).toEqual([700])
      })

      it("the dashboard's order cancellation: a lost refund fails it; the retry is replayed and recorded once", async () => {
        const { order, intentId } = await paidOrder()
        const medusaStatus = () => medusaStatusOf(order.id)
        const cancel = () =>
          api.post(`/admin/orders/${order.id}/cancel`, {}, { headers: admin.headers, ...anyStatus })
        await refundLostThenRetried({ orderId: order.id, intentId }, async () => {
          const answer = await cancel()
          // Medusa cancelled with the money kept; the failed refund now rolls it back.
          if (answer.status >= 500) {
            expect(await medusaStatus()).not.toBe("canceled")
          }
          return answer
        })
        expect(await medusaStatus()).toBe("canceled")
        expect(stripeRefundsOf(intentId)).toEqual([5500])
        expect(await medusaRefundsOf(order.id)).toEqual([5500])
        // The engine's status follows Medusa's order.canceled.
        await waitFor(async () => (await orderOf(order.id)).status === "cancelled")
        // The engine's handler keeps Medusa's authentication.
        const asCustomer = await api.post(
          `/admin/orders/${order.id}/cancel`,
          {},
          { headers: alice.headers, ...anyStatus }
        )
        expect(asCustomer.status).toBe(401)
        // An unknown order is a 404 and a body (the route takes none) a 400; neither
        // refunds anything.
        const unknown = await api.post(
          "/admin/orders/order_missing/cancel",
          {},
          { headers: admin.headers, ...anyStatus }
        )
        expect(unknown.status).toBe(404)
        const withBody = await api.post(
          `/admin/orders/${order.id}/cancel`,
          { refund: false },
          { headers: admin.headers, ...anyStatus }
        )
        expect(withBody.status).toBe(400)
        expect(stripeRefundsOf(intentId)).toEqual([5500])
      })

      it("a dashboard cancellation racing the engine's refund refunds the captured money once", async () => {
        const { order, intentId, payment } = await paidOrder()
        const answers = await Promise.all([
          api.post(
            `/admin/orders/${order.id}/cancel`,
            {},
            { headers: admin.headers, ...anyStatus }
          ),
          api.post(
            "/payments/refund",
            { payment_id: payment.id, amount: "10.00" },
            { headers: admin.headers, ...anyStatus }
          ),
        ])
        // One after the other under the order's lock: the refund first, then the
        // cancellation refunds the rest; or the cancellation first, and the refund finds
        // nothing left (409).
        const [cancelled, refunded] = answers.map((answer) => answer.status)
        expect(cancelled).toBe(200)
        expect([200, 409]).toContain(refunded)
        const made = stripeRefundsOf(intentId)
        expect(made.reduce((total, amount) => total + amount, 0)).toBe(5500)
        expect(await medusaRefundsOf(order.id)).toEqual(made)
        expect(made).toEqual(refunded === 200 ? [1000, 4500] : [5500])
      })

      it("concurrent equal refunds in the dashboard are each made at Stripe and recorded once", async () => {
        const { order, intentId, payment } = await paidOrder()
        const [medusaPayment] = await medusaPaymentsOf(order.id)
        // A double (quadruple) click: the same refund sent at once.
        const answers = await Promise.all(
          Array.from({ length: 4 }, () =>
            api.post(
              `/admin/payments/${medusaPayment.id}/refund`,
              { amount: 5 },
              { headers: admin.headers, ...anyStatus }
            )
          )
        )
        expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200])
        // Stripe's refunds and Medusa's record agree, one for one.
        expect(stripeRefundsOf(intentId)).toEqual([500, 500, 500, 500])
        expect(await medusaRefundsOf(order.id)).toEqual([500, 500, 500, 500])
        const keys = stripe.requests
          .filter((r) => r.path === "/v1/refunds")
          .map((r) => r.idempotencyKey)
        expect(new Set(keys).size).toBe(4)
        // And the same again with the engine's refunds in the mix: one refund at a time.
        const mixed = await Promise.all([
          api.post(
            `/admin/payments/${medusaPayment.id}/refund`,
            { amount: 5 },
            { headers: admin.headers, ...anyStatus }
          ),
          api.post(
            "/payments/refund",
            { payment_id: payment.id, amount: "5.00" },
            { headers: admin.headers, ...anyStatus }
          ),
        ])
        expect(mixed.map((answer) => answer.status)).toEqual([200, 200])
        expect(stripeRefundsOf(intentId)).toEqual(Array(6).fill(500))
        expect(await medusaRefundsOf(order.id)).toEqual(Array(6).fill(500))
      })
    })

    describe("GET /payments and /payments/{id}", () => {
      it("lists the caller's own history, paginated; others get a 404", async () => {
        const first = await checkout(alice, 1)
        await confirm(alice, first.payment.id, "pm_card_visa")
        const second = await checkout(alice, 1)
        const bobsOrder = await checkout(bob, 1)

        const page = await api.get("/payments?limit=1", { headers: alice.headers })
        expect(paymentList.parse(page.data)).toBeTruthy()
        expect(page.data).toMatchObject({ count: 2, limit: 1, offset: 0 })
        expect(page.data.items.map((p: Payment) => p.id)).toEqual([second.payment.id])
        const next = await api.get("/payments?limit=1&offset=1", { headers: alice.headers })
        expect(next.data.items.map((p: Payment) => p.id)).toEqual([first.payment.id])

        // An order filter stays within the caller's own payments.
        const ownOrder = await api.get(`/payments?order_id=${first.order.id}`, {
          headers: alice.headers,
        })
        expect(ownOrder.data.items.map((p: Payment) => p.id)).toEqual([first.payment.id])
        const othersOrder = await api.get(`/payments?order_id=${bobsOrder.order.id}`, {
          headers: alice.headers,
        })
        expect(othersOrder.data).toMatchObject({ count: 0, items: [] })

        const bobs = await api.get("/payments", { headers: bob.headers })
        expect(bobs.data.count).toBe(1)
        expect(bobs.data.items[0].id).not.toBe(first.payment.id)

        const leak = await api.get(`/payments/${first.payment.id}`, {
          headers: bob.headers,
          ...anyStatus,
        })
        expect(leak.status).toBe(404)
        const own = await api.get(`/payments/${first.payment.id}`, { headers: alice.headers })
        expect(own.data).toMatchObject({ status: "succeeded", captured_amount: "30.00" })
        const asAdmin = await api.get(`/payments/${first.payment.id}`, { headers: admin.headers })
        expect(asAdmin.status).toBe(200)
        const adminList = await api.get(`/payments?order_id=${first.order.id}`, {
          headers: admin.headers,
        })
        expect(adminList.data.items.map((p: Payment) => p.id)).toEqual([first.payment.id])
        expect((await api.get("/payments", anyStatus)).status).toBe(401)
        expect(
          (await api.get("/payments?limit=0", { headers: alice.headers, ...anyStatus })).status
        ).toBe(400)
      })
    })

    describe("saved cards: /payments/methods", () => {
      it("are added, listed and removed by their owner only", async () => {
        const saved = await api.post(
          "/payments/methods",
          { payment_method_id: "pm_card_visa" },
          { headers: alice.headers, ...anyStatus }
        )
        expect(saved.status).toBe(201)
        expect(saved.data).toMatchObject({
          id: expect.stringMatching(/^pm_/),
          type: "card",
          brand: "visa",
          last4: "4242",
        })
        const cardId = saved.data.id as string
        const listed = await api.get("/payments/methods", { headers: alice.headers })
        expect(listed.data.items.map((c: { id: string }) => c.id)).toEqual([cardId])

        // Bob has no cards and cannot see or remove Alice's.
        const bobs = await api.get("/payments/methods", { headers: bob.headers })
        expect(bobs.data.items).toEqual([])
        const steal = await api.delete(`/payments/methods/${cardId}`, {
          headers: bob.headers,
          ...anyStatus,
        })
        expect(steal.status).toBe(404)
        expect(stripe.paymentMethod(cardId).customer).toBeTruthy()

        // A saved card pays: it is Alice's Stripe customer's.
        const { payment } = await checkout()
        const paid = await confirm(alice, payment.id, cardId)
        expect(paid.data.status).toBe("succeeded")

        const removed = await api.delete(`/payments/methods/${cardId}`, {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(removed.status).toBe(204)
        expect(stripe.paymentMethod(cardId).customer).toBeNull()
        expect((await api.get("/payments/methods", { headers: alice.headers })).data.items).toEqual(
          []
        )
      })

      it("refuses no token, an admin, bad input and a card Stripe refuses", async () => {
        expect((await api.get("/payments/methods", anyStatus)).status).toBe(401)
        expect(
          (await api.get("/payments/methods", { headers: admin.headers, ...anyStatus })).status
        ).toBe(403)
        const empty = await api.post(
          "/payments/methods",
          {},
          { headers: alice.headers, ...anyStatus }
        )
        expect(empty.status).toBe(400)
        const declined = await api.post(
          "/payments/methods",
          { payment_method_id: "pm_card_chargeDeclined" },
          { headers: alice.headers, ...anyStatus }
        )
        expect(declined.status).toBe(400)
        expect((await api.get("/payments/methods", { headers: alice.headers })).data.items).toEqual(
          []
        )
      })
    })

    describe("reconciliation", () => {
      /** A paid order then cancelled in the engine (with its history entry, as every status is written). */
      async function paidThenCancelled() {
        const { order, payment } = await checkout()
        const { data: paid } = await confirm(alice, payment.id, "pm_card_visa")
        expect(paid.status).toBe("succeeded")
        const lifecycle =
          getContainer().resolve<OrderLifecycleModuleService>(ORDER_LIFECYCLE_MODULE)
        const [row] = await lifecycle.listOrderLifecycles({ order_id: order.id })
        await lifecycle.moveStatus({
          lifecycle_id: row.id,
          to: "cancelled",
          hold_expires_at: null,
          actor: { type: "admin", id: null },
        })
        return { order, payment, lifecycleId: row.id }
      }

      it("pays an order whose intent succeeded at Stripe without the engine hearing of it", async () => {
        const { order, payment } = await checkout()
        stripe.succeedOutOfBand(intentIdOf(payment))
        expect((await orderOf(order.id)).status).toBe("pending")

        const summary = await reconcilePayments(getContainer(), { graceMs: 0 })
        expect(summary.fixed).toBe(1)
        expect((await orderOf(order.id)).status).toBe("paid")
        const [medusaPayment] = await medusaPaymentsOf(order.id)
        expect(MathBN.convert(medusaPayment.captures[0].amount).toNumber()).toBe(55)

        const { data } = await api.get("/payments/reconciliation", { headers: admin.headers })
        expect(data.items).toEqual([
          expect.objectContaining({
            kind: "succeeded_intent_pending_order",
            order_id: order.id,
            payment_id: payment.id,
            resolution: "fixed",
          }),
        ])
        // A second run finds nothing new.
        expect((await reconcilePayments(getContainer(), { graceMs: 0 })).fixed).toBe(0)
        const customer = await api.get("/payments/reconciliation", {
          headers: alice.headers,
          ...anyStatus,
        })
        expect(customer.status).toBe(403)
      })

      it("asks the provider about at most its bound of payments per run, the rest in the next", async () => {
        const first = await checkout()
        const second = await checkout(bob)
        stripe.succeedOutOfBand(intentIdOf(first.payment))
        stripe.succeedOutOfBand(intentIdOf(second.payment))
        const before = stripe.countRequests("GET", "/v1/payment_intents")

        const bounded = await reconcilePayments(getContainer(), {
          graceMs: 0,
          maxProviderChecks: 1,
        })
        expect(bounded).toMatchObject({ checked: 1, fixed: 1, deferred: 1, errors: 0 })
        const statuses = [
          (await orderOf(first.order.id)).status,
          (await orderOf(second.order.id)).status,
        ]
        expect(statuses.sort()).toEqual(["paid", "pending"])

        const next = await reconcilePayments(getContainer(), { graceMs: 0, maxProviderChecks: 1 })
        expect(next).toMatchObject({ checked: 1, fixed: 1, deferred: 0 })
        expect((await orderOf(first.order.id)).status).toBe("paid")
        expect((await orderOf(second.order.id)).status).toBe("paid")
        // Paid orders are not read again: the next run asks Stripe about nothing.
        const asked = stripe.countRequests("GET", "/v1/payment_intents")
        expect(await reconcilePayments(getContainer(), { graceMs: 0 })).toMatchObject({
          checked: 0,
          fixed: 0,
        })
        expect(stripe.countRequests("GET", "/v1/payment_intents")).toBe(asked)
        expect(asked).toBeGreaterThan(before)
      })

      it("looks at a payment that moved lately on an order cancelled long ago, and leaves stale pending payments alone", async () => {
        const knex = getContainer().resolve(ContainerRegistrationKeys.PG_CONNECTION)
        // A payment captured on an order whose cancellation is more than 7 days old (a
        // capture that came late): found because the payment moved within the hour.
        const { order, lifecycleId } = await paidThenCancelled()
        await knex.raw(
          `update order_lifecycle set updated_at = now() - interval '8 days' where id = ?`,
          [lifecycleId]
        )
        // A pending order's attempt untouched for more than 7 days is no longer asked about.
        const stale = await checkout(bob)
        stripe.succeedOutOfBand(intentIdOf(stale.payment))
        await knex.raw(
          `update payment_attempt set updated_at = now() - interval '8 days' where id = ?`,
          [stale.payment.id]
        )

        const summary = await reconcilePayments(getContainer(), { graceMs: 0 })
        expect(summary).toMatchObject({ checked: 1, needs_attention: 1, fixed: 0, errors: 0 })
        const { data } = await api.get("/payments/reconciliation", { headers: admin.headers })
        expect(data.items).toEqual([
          expect.objectContaining({ kind: "captured_on_cancelled_order", order_id: order.id }),
        ])
        expect((await orderOf(stale.order.id)).status).toBe("pending")
      })

      it("reports money captured on a cancelled order for a person to decide", async () => {
        // Planted: the order is cancelled in the engine while Medusa's payment is captured.
        const { order, payment } = await paidThenCancelled()

        const summary = await reconcilePayments(getContainer(), { graceMs: 0 })
        expect(summary.needs_attention).toBe(1)
        const { data } = await api.get("/payments/reconciliation?resolution=needs_attention", {
          headers: admin.headers,
        })
        expect(data.items).toEqual([
          expect.objectContaining({ kind: "captured_on_cancelled_order", order_id: order.id }),
        ])
        // Nothing was refunded behind the admin's back.
        expect(stripe.countRequests("POST", "/v1/refunds")).toBe(0)
        const payments = getContainer().resolve(Modules.PAYMENT)
        const [medusaPayment] = await medusaPaymentsOf(order.id)
        expect(await payments.listRefunds({ payment_id: medusaPayment.id })).toHaveLength(0)
        // The admin follows the advice: the money goes back, the order stays cancelled.
        const refunded = await api.post(
          "/payments/refund",
          { payment_id: payment.id },
          { headers: admin.headers, ...anyStatus }
        )
        expect(refunded.status).toBe(200)
        expect(refunded.data).toMatchObject({ status: "refunded", refunded_amount: "55.00" })
        expect((await orderOf(order.id)).status).toBe("cancelled")
        expect(stripe.countRequests("POST", "/v1/refunds")).toBe(1)
      })
    })
  },
})
