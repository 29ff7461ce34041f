import Stripe from "stripe"
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { PAYMENT_LEDGER_MODULE } from "../../src/modules/payment-ledger"
import type PaymentLedgerModuleService from "../../src/modules/payment-ledger/service"
import { anyStatus, expectCleanError, startFakeStripe, type FakeStripe } from "../helpers"

/**
 * OWASP API10:2023 Unsafe consumption of APIs (docs/SECURITY.md "Security suite"): the
 * only API whose calls the engine consumes is Stripe's webhooks, accepted only for the
 * provider this server configures and only with a valid, recent signature, and refused
 * before Medusa queues them.
 */

let stripe: FakeStripe

beforeAll(async () => {
  // A configured Stripe provider (its webhook secret) is what signatures are checked with.
  stripe = await startFakeStripe()
})

afterAll(async () => {
  await stripe.stop()
})

const payload = JSON.stringify({
  id: "evt_security_suite",
  type: "payment_intent.succeeded",
  data: { object: { id: "pi_security_suite", amount: 5000, metadata: {} } },
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    const ledger = () => getContainer().resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const recorded = async () =>
      (await ledger().listPaymentWebhookEvents({}, { take: 1000 })).length

    const deliver = (provider: string, signature: string | undefined) =>
      api.post(`/hooks/payment/${provider}`, payload, {
        headers: {
          "content-type": "application/json",
          ...(signature ? { "stripe-signature": signature } : {}),
        },
        ...anyStatus,
      })

    it("refuses Stripe webhooks with a missing, forged or stale signature before queueing them", async () => {
      const before = await recorded()
      const stale = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: stripe.webhookSecret,
        timestamp: Math.floor(Date.now() / 1000) - 3600,
      })
      const forged = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_not_ours" })
      for (const signature of [undefined, "t=1,v1=deadbeef", forged, stale]) {
        expectCleanError(await deliver("stripe_stripe", signature), 400)
      }
      expect(await recorded()).toBe(before)
    })

    // Defect 10: Medusa answered any provider's webhook 200, queued it and failed later.
    it("refuses webhooks for a provider this server does not configure, even validly signed", async () => {
      const before = await recorded()
      const genuine = Stripe.webhooks.generateTestHeaderString({
        payload,
        secret: stripe.webhookSecret,
      })
      // Medusa's system provider (takes no webhooks), a Stripe payment method Medusa ships
      // but this server does not register, and a provider that exists nowhere.
      for (const provider of ["system_default", "stripe-bancontact_stripe", "paypal_paypal"]) {
        const response = await deliver(provider, genuine)
        expect({ provider, status: response.status, type: response.data?.type }).toEqual({
          provider,
          status: 404,
          type: "not_found",
        })
        expectCleanError(response, 404)
      }
      expect(await recorded()).toBe(before)
    })
  },
})
