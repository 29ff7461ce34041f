import Stripe from "stripe"
import StripeProviderService from "@medusajs/payment-stripe/dist/services/stripe-provider"
import { version as medusaStripeVersion } from "@medusajs/payment-stripe/package.json"
import { PaymentActions } from "@medusajs/framework/utils"
import EngineStripeProviderService, { CONFIRMATION_KEY } from "../service"
import { stripeHostOptions } from "../options"
import { ENGINE_INTENT_METADATA } from "../../../utils/payment/webhook-events"

const SECRET = "whsec_unit"

function provider(apiUrl?: string) {
  return new EngineStripeProviderService(
    {},
    { apiKey: "sk_test_unit", webhookSecret: SECRET, apiUrl, maxNetworkRetries: 0 }
  )
}

/** A webhook delivery of one event about `object`, signed with the provider's secret. */
function signedEvent(id: string, type: string, object: Record<string, unknown>) {
  const payload = JSON.stringify({ id, object: "event", type, data: { object } })
  const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET })
  return {
    data: JSON.parse(payload),
    rawData: Buffer.from(payload),
    headers: { "stripe-signature": header },
  }
}

/** The Stripe client's connection settings, which its typings leave out. */
type ClientInternals = { _api: { host: string; port: string | number; protocol: string } }

/**
 * The subclass relies on members of Medusa's Stripe provider that are not part of any
 * public contract: this fails when an upgrade of @medusajs/payment-stripe changes them,
 * before a payment does.
 */
describe("EngineStripeProviderService against @medusajs/payment-stripe", () => {
  it("is pinned to the provider version it was written for", () => {
    expect(medusaStripeVersion).toBe("2.21.2")
  })

  it("keeps Medusa's identifier, so the provider id stays pp_stripe_stripe", () => {
    expect(EngineStripeProviderService.identifier).toBe("stripe")
    expect(StripeProviderService.identifier).toBe("stripe")
  })

  it("overrides members the parent still has, and uses its private status mapping", () => {
    for (const member of [
      "updatePayment",
      "refundPayment",
      "capturePayment",
      "cancelPayment",
      "getWebhookActionAndData",
      "constructWebhookEvent",
      "buildError",
      "getStatus",
    ]) {
      expect(typeof Reflect.get(StripeProviderService.prototype, member)).toBe("function")
    }
  })

  it("points the Stripe client at STRIPE_API_URL", () => {
    const api = (provider("http://127.0.0.1:12111").client as unknown as ClientInternals)._api
    expect(api).toMatchObject({ host: "127.0.0.1", port: 12111, protocol: "http" })
    const real = (provider().client as unknown as ClientInternals)._api
    expect(real.host).toBe("api.stripe.com")
  })

  it("maps intents to Medusa's session statuses through the parent", async () => {
    const service = provider("http://127.0.0.1:1")
    const declined = {
      id: "pi_1",
      status: "requires_payment_method",
      last_payment_error: { code: "card_declined" },
    }
    // statusOf is private, and the intents below are partial Stripe.PaymentIntent objects.
    const update = (service as unknown as { statusOf(i: unknown): { status: string } }).statusOf
    expect(update.call(service, declined).status).toBe("error")
    expect(update.call(service, { id: "pi_1", status: "requires_action" }).status).toBe(
      "requires_more"
    )
    expect(update.call(service, { id: "pi_1", status: "succeeded" }).status).toBe("captured")
  })

  it("rejects a webhook with a forged signature", async () => {
    const payload = JSON.stringify({ id: "evt_1", type: "payment_intent.succeeded", data: {} })
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" })
    await expect(
      provider().getWebhookActionAndData({
        data: JSON.parse(payload),
        rawData: Buffer.from(payload),
        headers: { "stripe-signature": header },
      })
    ).rejects.toThrow()
  })

  it("names the event of a verified webhook and passes charge.refunded on", async () => {
    const charge = {
      id: "ch_1",
      object: "charge",
      amount_refunded: 1250,
      currency: "usd",
      payment_intent: "pi_1",
      metadata: { session_id: "payses_1" },
    }
    const result = await provider().getWebhookActionAndData(
      signedEvent("evt_2", "charge.refunded", charge)
    )
    expect(result).toEqual({
      action: PaymentActions.NOT_SUPPORTED,
      data: {
        session_id: "payses_1",
        amount: 12.5,
        event_id: "evt_2",
        event_type: "charge.refunded",
      },
    })
  })

  it("keeps Medusa's handler off the intents the engine's checkout opened", async () => {
    const signed = async (metadata: Record<string, string>) => {
      const intent = {
        id: "pi_2",
        object: "payment_intent",
        amount_received: 4200,
        currency: "usd",
        metadata: { session_id: "payses_2", ...metadata },
      }
      return provider().getWebhookActionAndData(
        signedEvent("evt_3", "payment_intent.succeeded", intent)
      )
    }
    const data = {
      session_id: "payses_2",
      amount: 42,
      event_id: "evt_3",
      event_type: "payment_intent.succeeded",
    }
    // The engine applies these itself; its subscriber reads the data, Medusa's the action.
    expect(await signed({ ...ENGINE_INTENT_METADATA })).toEqual({
      action: PaymentActions.NOT_SUPPORTED,
      data,
    })
    // Opened elsewhere (Medusa's /store flow): Medusa's action, as before.
    expect(await signed({})).toEqual({ action: PaymentActions.SUCCESSFUL, data })
  })

  it("leaves updatePayment to Medusa without a confirmation", async () => {
    const service = provider("http://127.0.0.1:1")
    // Same amount as the intent's: Medusa's provider answers without calling Stripe.
    const result = await service.updatePayment({
      data: { id: "pi_1", amount: 1000, status: "requires_payment_method" },
      amount: 10,
      currency_code: "usd",
    })
    expect(result.status).toBe("pending")
    expect(CONFIRMATION_KEY).toBe("engine_confirmation")
  })
})

describe("stripeHostOptions", () => {
  it("splits a URL into the client's host options", () => {
    expect(stripeHostOptions(undefined)).toEqual({})
    expect(stripeHostOptions("https://stripe.internal")).toEqual({
      host: "stripe.internal",
      port: 443,
      protocol: "https",
    })
    expect(stripeHostOptions("http://localhost")).toEqual({
      host: "localhost",
      port: 80,
      protocol: "http",
    })
  })

  it("refuses other protocols", () => {
    expect(() => stripeHostOptions("ftp://x")).toThrow(/http/)
  })
})
