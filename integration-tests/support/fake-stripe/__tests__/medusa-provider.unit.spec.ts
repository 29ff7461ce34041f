/**
 * Medusa's own Stripe provider, unchanged, driven against the fake: every Stripe call it
 * makes (and the errors it interprets) must behave as it expects from real Stripe.
 */
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import Stripe from "stripe"
import { FakeStripe, type EventType } from "../server"
import { eventPayload, signatureHeader } from "../webhooks"

/** The provider builds its client for api.stripe.com; point it at the fake instead. */
class ProviderOnFake extends StripeProviderService {
  constructor(fake: FakeStripe, capture: boolean) {
    super({}, { apiKey: fake.apiKey, webhookSecret: fake.webhookSecret, capture })
    this.stripe_ = new Stripe(fake.apiKey, { host: "127.0.0.1", port: fake.port, protocol: "http" })
  }
}

let fake: FakeStripe
let stripe: Stripe
let provider: ProviderOnFake

beforeAll(async () => {
  fake = new FakeStripe()
  await fake.start()
  stripe = new Stripe(fake.apiKey, { host: "127.0.0.1", port: fake.port, protocol: "http" })
  provider = new ProviderOnFake(fake, false)
})

afterAll(async () => {
  await fake.stop()
})

beforeEach(() => {
  fake.clear()
})

function intentId(data: Record<string, unknown> | undefined): string {
  return data?.id as string
}

describe("Medusa's Stripe provider against the fake", () => {
  it("initiate, update, authorise after the storefront confirms, capture twice, refund", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10,
      currency_code: "usd",
      data: { session_id: "payses_1" },
      context: { idempotency_key: "init-payses_1" },
    })
    expect(initiated.status).toBe("pending")
    const id = initiated.id
    expect(id).toMatch(/^pi_/)
    expect(fake.requests[0]).toMatchObject({
      path: "/v1/payment_intents",
      idempotencyKey: "init-payses_1",
      params: { amount: "1000", capture_method: "manual", metadata: { session_id: "payses_1" } },
    })

    const updated = await provider.updatePayment({
      amount: 12,
      currency_code: "usd",
      data: initiated.data,
      context: { idempotency_key: "update-payses_1" },
    })
    expect(updated.data?.amount).toBe(1200)

    // The storefront confirms with Stripe.js; the fake takes the same call.
    await stripe.paymentIntents.confirm(id, { payment_method: "pm_card_visa" })
    const authorized = await provider.authorizePayment({ data: { id } })
    expect(authorized.status).toBe("authorized")

    const captured = await provider.capturePayment({ data: { id } })
    expect(captured.data?.status).toBe("succeeded")
    // A repeated capture is answered payment_intent_unexpected_state, which the provider
    // turns back into the succeeded intent.
    const again = await provider.capturePayment({ data: { id } })
    expect(intentId(again.data)).toBe(id)
    expect(again.data?.status).toBe("succeeded")

    await provider.refundPayment({ amount: 4, data: { id, currency: "usd" } })
    await provider.refundPayment({ amount: 8, data: { id, currency: "usd" } })
    // Nothing is left: charge_already_refunded, which the provider ignores.
    await expect(
      provider.refundPayment({ amount: 1, data: { id, currency: "usd" } })
    ).resolves.toEqual({ data: { id, currency: "usd" } })
    const retrieved = await provider.retrievePayment({ data: { id } })
    expect(retrieved.data?.amount).toBe(12)
    const charge = await stripe.charges.retrieve(retrieved.data?.latest_charge as string)
    expect(charge).toMatchObject({ amount_refunded: 1200, refunded: true })
  })

  it("a declined card at initiation becomes an error session holding the failed intent", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10,
      currency_code: "usd",
      data: { session_id: "payses_2", payment_method: "pm_card_chargeDeclined", confirm: true },
    })
    expect(initiated.status).toBe("error")
    expect(initiated.id).toMatch(/^pi_/)
    expect(initiated.data?.last_payment_error).toMatchObject({ code: "card_declined" })
  })

  it("3-D Secure shows as requires_more until the customer authenticates", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10,
      currency_code: "usd",
      data: {
        session_id: "payses_3",
        payment_method: "pm_card_threeDSecure2Required",
        confirm: true,
      },
    })
    expect(initiated.status).toBe("requires_more")
    fake.authenticate(initiated.id, "succeed")
    expect((await provider.getPaymentStatus({ data: { id: initiated.id } })).status).toBe(
      "authorized"
    )
  })

  it("cancel, and cancel again (already canceled) both answer the canceled intent", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10,
      currency_code: "usd",
      data: { session_id: "payses_4" },
    })
    const canceled = await provider.cancelPayment({ data: initiated.data })
    expect(canceled.data?.status).toBe("canceled")
    const again = await provider.deletePayment({ data: initiated.data })
    expect(again.data?.status).toBe("canceled")
    expect(intentId(again.data)).toBe(initiated.id)
  })

  it("account holder and saved payment methods", async () => {
    const holder = await provider.createAccountHolder({
      context: {
        idempotency_key: "holder-1",
        customer: {
          id: "cus_engine_1",
          email: "ada@example.com",
          first_name: "Ada",
          last_name: "Lovelace",
          phone: "+441234",
          billing_address: {
            address_1: "1 Street",
            city: "London",
            country_code: "gb",
            postal_code: "N1",
          },
        },
      },
    })
    expect(holder.id).toMatch(/^cus_/)
    expect(holder.data).toMatchObject({ name: "Ada Lovelace", address: { city: "London" } })
    const accountHolder = { data: { id: holder.id } }

    const updated = await provider.updateAccountHolder({
      context: {
        account_holder: accountHolder,
        customer: { id: "cus_engine_1", email: "ada@example.org", company_name: "Analytical" },
      },
    } as Parameters<ProviderOnFake["updateAccountHolder"]>[0])
    expect(updated.data).toMatchObject({ email: "ada@example.org", name: "Analytical" })

    const saved = await provider.savePaymentMethod({
      context: { account_holder: accountHolder },
      data: { payment_method: "pm_card_visa", confirm: true },
    } as Parameters<ProviderOnFake["savePaymentMethod"]>[0])
    expect(saved.id).toMatch(/^seti_/)
    expect(saved.data?.status).toBe("succeeded")

    const methods = await provider.listPaymentMethods({
      context: { account_holder: accountHolder },
    } as Parameters<ProviderOnFake["listPaymentMethods"]>[0])
    expect(methods).toHaveLength(1)
    expect(methods[0].data).toMatchObject({ card: { last4: "4242" }, customer: holder.id })

    await provider.deletePaymentMethod({ data: { id: methods[0].id } } as Parameters<
      ProviderOnFake["deletePaymentMethod"]
    >[0])
    const after = await provider.listPaymentMethods({
      context: { account_holder: accountHolder },
    } as Parameters<ProviderOnFake["listPaymentMethods"]>[0])
    expect(after).toHaveLength(0)

    await provider.deleteAccountHolder({
      context: { account_holder: accountHolder },
    } as Parameters<ProviderOnFake["deleteAccountHolder"]>[0])
    expect(await stripe.customers.retrieve(holder.id)).toMatchObject({ deleted: true })
  })

  it("reads the fake's signed events as webhook actions, and rejects forged ones", async () => {
    const initiated = await provider.initiatePayment({
      amount: 10,
      currency_code: "usd",
      data: { session_id: "payses_5", payment_method: "pm_card_visa", confirm: true },
    })
    expect(initiated.status).toBe("authorized")
    const webhook = (type: EventType, secret = fake.webhookSecret) => {
      const [event] = fake.eventsOf(type, initiated.id)
      const rawData = eventPayload(event)
      return {
        data: {},
        rawData,
        headers: { "stripe-signature": signatureHeader(rawData, secret) },
      }
    }

    await expect(
      provider.getWebhookActionAndData(webhook("payment_intent.amount_capturable_updated"))
    ).resolves.toEqual({
      action: "authorized",
      data: { session_id: "payses_5", amount: 10 },
    })
    // payment_intent.created names its PaymentMethod by id: the provider retrieves it.
    await expect(
      provider.getWebhookActionAndData(webhook("payment_intent.created"))
    ).resolves.toMatchObject({ action: "pending", data: { session_id: "payses_5" } })
    await expect(
      provider.getWebhookActionAndData(webhook("payment_intent.created", "whsec_forged"))
    ).rejects.toThrow(/constructWebhookEvent/)
  })
})
