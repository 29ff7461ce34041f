import { spawn } from "node:child_process"
import http from "node:http"
import type { AddressInfo } from "node:net"
import path from "node:path"
import Stripe from "stripe"
import { findFreePort } from "../../../../scripts/lib/port"
import { FakeStripe } from "../server"

const ROOT = path.resolve(__dirname, "../../../..")

let fake: FakeStripe
let stripe: Stripe

function clientFor(target: FakeStripe, apiKey = target.apiKey): Stripe {
  return new Stripe(apiKey, { host: "127.0.0.1", port: target.port, protocol: "http" })
}

/** The Stripe error a call rejects with; fails the test when it resolves. */
async function stripeError(call: Promise<unknown>): Promise<Stripe.errors.StripeError> {
  try {
    await call
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      return error
    }
    throw error
  }
  throw new Error("expected the call to fail with a Stripe error")
}

function rawIntent(error: Stripe.errors.StripeError): Stripe.PaymentIntent | undefined {
  return (error.raw as { payment_intent?: Stripe.PaymentIntent }).payment_intent
}

async function paidIntent(
  params: Partial<Stripe.PaymentIntentCreateParams> = {}
): Promise<Stripe.PaymentIntent> {
  return await stripe.paymentIntents.create({
    amount: 2000,
    currency: "usd",
    payment_method: "pm_card_visa",
    confirm: true,
    ...params,
  })
}

beforeAll(async () => {
  fake = new FakeStripe()
  await fake.start()
  stripe = clientFor(fake)
})

afterAll(async () => {
  await fake.stop()
})

beforeEach(() => {
  fake.clear()
})

describe("FakeStripe server", () => {
  it("listens on 127.0.0.1 and hands out the engine's environment", () => {
    expect(fake.url).toBe(`http://127.0.0.1:${fake.port}`)
    expect(fake.env()).toEqual({
      STRIPE_API_KEY: "sk_test_fake_engine",
      STRIPE_WEBHOOK_SECRET: "whsec_fake_engine",
      STRIPE_API_URL: fake.url,
    })
  })

  it("refuses a wrong API key with a StripeAuthenticationError", async () => {
    const error = await stripeError(
      clientFor(fake, "sk_test_wrong_key_1234").paymentIntents.retrieve("pi_x")
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeAuthenticationError)
    expect(error.statusCode).toBe(401)
    expect(error.message).toBe("Invalid API Key provided: sk_test_**********1234")
  })

  it("answers resource_missing for an unknown id", async () => {
    const error = await stripeError(stripe.paymentIntents.retrieve("pi_missing"))
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error.statusCode).toBe(404)
    expect(error.code).toBe("resource_missing")
    expect(error.param).toBe("id")
    expect(error.message).toBe("No such payment_intent: 'pi_missing'")
  })

  it("refuses parameters the endpoint does not know, and amounts below Stripe's minimum", async () => {
    const unknown = await stripeError(
      stripe.paymentIntents.create({ amount: 2000, currency: "usd", colour: "red" } as never)
    )
    expect(unknown.code).toBe("parameter_unknown")
    expect(unknown.param).toBe("colour")

    const tooSmall = await stripeError(
      stripe.paymentIntents.create({ amount: 10, currency: "usd" })
    )
    expect(tooSmall.code).toBe("amount_too_small")
    expect(tooSmall.message).toBe("Amount must be at least $0.50 usd")
  })
})

describe("payment intents", () => {
  it("create with confirm=true and automatic capture succeeds with a captured charge", async () => {
    const intent = await paidIntent({
      metadata: { session_id: "payses_1" },
      expand: ["payment_method"],
    })

    expect(intent.id).toMatch(/^pi_/)
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`))
    expect(intent).toMatchObject({
      object: "payment_intent",
      status: "succeeded",
      amount: 2000,
      amount_received: 2000,
      amount_capturable: 0,
      capture_method: "automatic",
      confirmation_method: "automatic",
      livemode: false,
      metadata: { session_id: "payses_1" },
    })
    // The magic id became a PaymentMethod of its own, expanded as asked.
    const method = intent.payment_method as Stripe.PaymentMethod
    expect(method.id).toMatch(/^pm_(?!card_)/)
    expect(method.card).toMatchObject({ brand: "visa", last4: "4242" })

    const charge = await stripe.charges.retrieve(intent.latest_charge as string)
    expect(charge).toMatchObject({
      object: "charge",
      amount: 2000,
      amount_captured: 2000,
      amount_refunded: 0,
      captured: true,
      refunded: false,
      status: "succeeded",
      payment_intent: intent.id,
      payment_method: method.id,
      metadata: { session_id: "payses_1" },
    })
  })

  it("manual capture authorises (requires_capture) and capture completes it", async () => {
    const intent = await paidIntent({ capture_method: "manual" })
    expect(intent.status).toBe("requires_capture")
    expect(intent.amount_capturable).toBe(2000)
    expect(intent.amount_received).toBe(0)
    expect((await stripe.charges.retrieve(intent.latest_charge as string)).captured).toBe(false)

    const captured = await stripe.paymentIntents.capture(intent.id, { amount_to_capture: 1500 })
    expect(captured).toMatchObject({
      status: "succeeded",
      amount_received: 1500,
      amount_capturable: 0,
    })
    const charge = await stripe.charges.retrieve(intent.latest_charge as string)
    expect(charge).toMatchObject({ captured: true, amount_captured: 1500 })
    expect(fake.eventsOf(undefined, intent.id).map((event) => event.type)).toEqual([
      "payment_intent.created",
      "payment_intent.amount_capturable_updated",
      "payment_intent.succeeded",
    ])
    expect(fake.eventsOf("charge.captured", charge.id)).toHaveLength(1)
  })

  it("follows Medusa's flow: create without card, update the amount, confirm with a card", async () => {
    const created = await stripe.paymentIntents.create({
      amount: 1000,
      currency: "EUR",
      metadata: { session_id: "payses_2" },
      expand: ["payment_method"],
    })
    expect(created).toMatchObject({
      status: "requires_payment_method",
      currency: "eur",
      payment_method: null,
      automatic_payment_methods: { enabled: true },
    })

    const updated = await stripe.paymentIntents.update(created.id, {
      amount: 1250,
      metadata: { cart: "cart_1" },
    })
    expect(updated.amount).toBe(1250)
    expect(updated.metadata).toEqual({ session_id: "payses_2", cart: "cart_1" })

    const confirmed = await stripe.paymentIntents.confirm(created.id, {
      payment_method: "pm_card_mastercard",
      return_url: "https://shop.example/return",
    })
    expect(confirmed.status).toBe("succeeded")
    expect(confirmed.amount_received).toBe(1250)
    const method = await stripe.paymentMethods.retrieve(confirmed.payment_method as string)
    expect(method.card).toMatchObject({ brand: "mastercard", last4: "4444" })
  })

  it("refuses to confirm without a payment method", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    const error = await stripeError(stripe.paymentIntents.confirm(intent.id))
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error.statusCode).toBe(400)
    expect(error.param).toBe("payment_method")
    expect((await stripe.paymentIntents.retrieve(intent.id)).status).toBe("requires_payment_method")
  })

  it("3-D Secure: requires_action, then a passed challenge succeeds", async () => {
    const intent = await paidIntent({ payment_method: "pm_card_threeDSecure2Required" })
    expect(intent.status).toBe("requires_action")
    expect(intent.next_action).toMatchObject({
      type: "use_stripe_sdk",
      use_stripe_sdk: { type: "three_d_secure_redirect" },
    })
    expect(intent.latest_charge).toBeNull()

    const authenticated = fake.authenticate(intent.id, "succeed")
    expect(authenticated.status).toBe("succeeded")
    const retrieved = await stripe.paymentIntents.retrieve(intent.id)
    expect(retrieved).toMatchObject({
      status: "succeeded",
      amount_received: 2000,
      next_action: null,
    })
    expect(fake.eventsOf("payment_intent.requires_action", intent.id)).toHaveLength(1)
    expect(fake.eventsOf("payment_intent.succeeded", intent.id)).toHaveLength(1)
  })

  it("3-D Secure with manual capture ends in requires_capture once passed", async () => {
    const intent = await paidIntent({
      payment_method: "pm_card_authenticationRequired",
      capture_method: "manual",
    })
    expect(intent.status).toBe("requires_action")
    expect(fake.authenticate(intent.id, "succeed")).toMatchObject({
      status: "requires_capture",
      amount_capturable: 2000,
    })
  })

  it("3-D Secure: a failed challenge sends the intent back to requires_payment_method", async () => {
    const intent = await paidIntent({ payment_method: "pm_card_threeDSecure2Required" })
    fake.authenticate(intent.id, "fail")

    const retrieved = await stripe.paymentIntents.retrieve(intent.id)
    expect(retrieved.status).toBe("requires_payment_method")
    expect(retrieved.last_payment_error?.code).toBe("payment_intent_authentication_failure")
    expect(retrieved.payment_method).toBeNull()
    expect(fake.eventsOf("payment_intent.payment_failed", intent.id)).toHaveLength(1)
    // Only an intent waiting for authentication can be authenticated.
    expect(() => fake.authenticate(intent.id, "succeed")).toThrow(/not waiting for authentication/)
  })

  it("3-D Secure off session cannot ask the customer: authentication_required decline", async () => {
    const error = await stripeError(
      paidIntent({ payment_method: "pm_card_authenticationRequired", off_session: true })
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(error.code).toBe("authentication_required")
    expect(rawIntent(error)?.status).toBe("requires_payment_method")
  })

  it("a declined card is a 402 StripeCardError carrying the failed intent", async () => {
    const error = await stripeError(
      paidIntent({ payment_method: "pm_card_chargeDeclined", metadata: { session_id: "s" } })
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(error.statusCode).toBe(402)
    expect(error.code).toBe("card_declined")
    expect(error.decline_code).toBe("generic_decline")
    expect(error.message).toBe("Your card was declined.")
    const intent = rawIntent(error)
    expect(intent).toMatchObject({
      status: "requires_payment_method",
      payment_method: null,
      metadata: { session_id: "s" },
      last_payment_error: { type: "card_error", code: "card_declined" },
    })

    const retrieved = await stripe.paymentIntents.retrieve(intent?.id as string)
    expect(retrieved.status).toBe("requires_payment_method")
    const charge = await stripe.charges.retrieve(retrieved.latest_charge as string)
    expect(charge).toMatchObject({ status: "failed", failure_code: "card_declined", paid: false })
    expect(fake.eventsOf("payment_intent.payment_failed", retrieved.id)).toHaveLength(1)
  })

  it("insufficient funds declines with its own decline code and message", async () => {
    const error = await stripeError(
      paidIntent({ payment_method: "pm_card_chargeDeclinedInsufficientFunds" })
    )
    expect(error.decline_code).toBe("insufficient_funds")
    expect(error.message).toBe("Your card has insufficient funds.")
  })

  it("a declined intent can be retried with another card", async () => {
    const error = await stripeError(paidIntent({ payment_method: "pm_card_visa_chargeDeclined" }))
    const id = rawIntent(error)?.id as string
    const retried = await stripe.paymentIntents.confirm(id, { payment_method: "pm_card_visa" })
    expect(retried.status).toBe("succeeded")
    expect(retried.last_payment_error).toBeNull()
  })

  it("capturing a succeeded intent is payment_intent_unexpected_state with the intent", async () => {
    const intent = await paidIntent()
    const error = await stripeError(stripe.paymentIntents.capture(intent.id))
    expect(error).toBeInstanceOf(Stripe.errors.StripeInvalidRequestError)
    expect(error.statusCode).toBe(400)
    expect(error.code).toBe("payment_intent_unexpected_state")
    expect(rawIntent(error)?.status).toBe("succeeded")
    expect(error.message).toMatch(/could not be captured because it has a status of succeeded/)
  })

  it("cancel: works before success, refuses succeeded and already canceled intents", async () => {
    const authorised = await paidIntent({ capture_method: "manual" })
    const canceled = await stripe.paymentIntents.cancel(authorised.id, {
      cancellation_reason: "abandoned",
    })
    expect(canceled).toMatchObject({ status: "canceled", cancellation_reason: "abandoned" })
    expect(fake.eventsOf("payment_intent.canceled", authorised.id)).toHaveLength(1)
    expect(await stripe.charges.retrieve(authorised.latest_charge as string)).toMatchObject({
      refunded: true,
      amount_refunded: 2000,
    })

    const again = await stripeError(stripe.paymentIntents.cancel(authorised.id))
    expect(again.code).toBe("payment_intent_unexpected_state")
    expect(rawIntent(again)?.status).toBe("canceled")

    const succeeded = await paidIntent()
    const refused = await stripeError(stripe.paymentIntents.cancel(succeeded.id))
    expect(refused.code).toBe("payment_intent_unexpected_state")
    expect(rawIntent(refused)?.status).toBe("succeeded")
  })

  it("a succeeded intent cannot be confirmed again or change amount, but its metadata can", async () => {
    const intent = await paidIntent()
    const confirm = await stripeError(
      stripe.paymentIntents.confirm(intent.id, { payment_method: "pm_card_visa" })
    )
    expect(confirm.code).toBe("payment_intent_unexpected_state")

    const amount = await stripeError(stripe.paymentIntents.update(intent.id, { amount: 999 }))
    expect(amount.code).toBe("payment_intent_unexpected_state")

    const tagged = await stripe.paymentIntents.update(intent.id, { metadata: { order: "o_1" } })
    expect(tagged.metadata).toEqual({ order: "o_1" })
    expect(tagged.amount).toBe(2000)
  })
})

describe("idempotency keys", () => {
  const create = { amount: 2000, currency: "usd", payment_method: "pm_card_visa", confirm: true }

  it("the same key and parameters replay the first answer without a second intent", async () => {
    const first = await stripe.paymentIntents.create(create, { idempotencyKey: "checkout-1" })
    const second = await stripe.paymentIntents.create(create, { idempotencyKey: "checkout-1" })

    expect(second.id).toBe(first.id)
    expect(second.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(first.lastResponse.headers["idempotent-replayed"]).toBeUndefined()
    expect(fake.eventsOf("payment_intent.created")).toHaveLength(1)
    expect(fake.requests.map((request) => [request.idempotencyKey, request.replayed])).toEqual([
      ["checkout-1", false],
      ["checkout-1", true],
    ])
    expect(fake.countRequests("POST", "/v1/payment_intents")).toBe(2)
    expect(fake.countRequests("POST", "/v1/payment_intents", { excludeReplays: true })).toBe(1)
  })

  it("the same key with other parameters is a StripeIdempotencyError", async () => {
    await stripe.paymentIntents.create(create, { idempotencyKey: "checkout-2" })
    const error = await stripeError(
      stripe.paymentIntents.create({ ...create, amount: 3000 }, { idempotencyKey: "checkout-2" })
    )
    expect(error).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(error.statusCode).toBe(400)
    expect(error.message).toMatch(/same parameters they were first used with/)
    expect(fake.eventsOf("payment_intent.created")).toHaveLength(1)

    const elsewhere = await stripeError(
      stripe.customers.create({ email: "a@b.co" }, { idempotencyKey: "checkout-2" })
    )
    expect(elsewhere).toBeInstanceOf(Stripe.errors.StripeIdempotencyError)
    expect(elsewhere.message).toMatch(/same endpoint/)
  })

  it("a decline is replayed too, not retried against the card", async () => {
    const declined = { ...create, payment_method: "pm_card_chargeDeclined" }
    const first = await stripeError(
      stripe.paymentIntents.create(declined, { idempotencyKey: "checkout-3" })
    )
    const second = await stripeError(
      stripe.paymentIntents.create(declined, { idempotencyKey: "checkout-3" })
    )
    expect(second).toBeInstanceOf(Stripe.errors.StripeCardError)
    expect(rawIntent(second)?.id).toBe(rawIntent(first)?.id)
    expect(second.headers["idempotent-replayed"]).toBe("true")
    expect(fake.eventsOf("payment_intent.payment_failed")).toHaveLength(1)
  })

  it("a request that failed parameter validation saves nothing under its key", async () => {
    const invalid = await stripeError(
      stripe.paymentIntents.create({ amount: 2000 } as never, { idempotencyKey: "checkout-4" })
    )
    expect(invalid.code).toBe("parameter_missing")
    const valid = await stripe.paymentIntents.create(create, { idempotencyKey: "checkout-4" })
    expect(valid.status).toBe("succeeded")
  })

  it("the stripe client's own retry keys are logged on every POST", async () => {
    await stripe.customers.create({ email: "a@b.co" })
    expect(fake.requests[0].idempotencyKey).toMatch(/^stripe-node-retry-/)
  })
})

describe("refunds", () => {
  it("partial refunds then the rest by default; more is amount_too_large; then already refunded", async () => {
    const intent = await paidIntent()
    const partial = await stripe.refunds.create({ payment_intent: intent.id, amount: 500 })
    expect(partial).toMatchObject({
      object: "refund",
      amount: 500,
      status: "succeeded",
      charge: intent.latest_charge,
      payment_intent: intent.id,
    })
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({
      amount_refunded: 500,
      refunded: false,
    })

    const tooMuch = await stripeError(
      stripe.refunds.create({ payment_intent: intent.id, amount: 2000 })
    )
    expect(tooMuch.code).toBe("amount_too_large")
    expect(tooMuch.message).toBe(
      "Refund amount ($20.00) is greater than unrefunded amount on charge ($15.00)"
    )

    const rest = await stripe.refunds.create({ charge: intent.latest_charge as string })
    expect(rest.amount).toBe(1500)
    expect(await stripe.charges.retrieve(intent.latest_charge as string)).toMatchObject({
      amount_refunded: 2000,
      refunded: true,
    })
    expect((await stripe.refunds.retrieve(rest.id)).amount).toBe(1500)
    expect(fake.eventsOf("charge.refunded")).toHaveLength(2)

    const again = await stripeError(stripe.refunds.create({ payment_intent: intent.id }))
    expect(again.code).toBe("charge_already_refunded")
  })

  it("a dropped answer leaves the refund made; the retry under its key is replayed", async () => {
    const intent = await paidIntent()
    fake.dropAnswers("POST", "/v1/refunds")
    const lost = await stripeError(
      stripe.refunds.create({ payment_intent: intent.id, amount: 500 }, { idempotencyKey: "r-1" })
    )
    expect(lost).toBeInstanceOf(Stripe.errors.StripeConnectionError)
    expect(fake.refundsOf(intent.id).map((refund) => refund.amount)).toEqual([500])
    expect(fake.requests.at(-1)).toMatchObject({ path: "/v1/refunds", dropped: true })

    fake.answerAgain("POST", "/v1/refunds")
    const retried = await stripe.refunds.create(
      { payment_intent: intent.id, amount: 500 },
      { idempotencyKey: "r-1" }
    )
    expect(retried.id).toBe(fake.refundsOf(intent.id)[0].id)
    expect(retried.lastResponse.headers["idempotent-replayed"]).toBe("true")
    expect(fake.refundsOf(intent.id)).toHaveLength(1)
  })

  it("refuses an intent that has no successful charge", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    const error = await stripeError(stripe.refunds.create({ payment_intent: intent.id }))
    expect(error.statusCode).toBe(400)
    expect(error.message).toMatch(/does not have a successful charge/)
  })
})

describe("customers and payment methods", () => {
  it("creates, updates, retrieves and deletes a customer as Medusa's account holder does", async () => {
    const customer = await stripe.customers.create({
      email: "ada@example.com",
      name: "Ada Lovelace",
      phone: "+441234",
      address: { city: "London", country: "GB", line1: "1 Street", postal_code: "N1" },
    })
    expect(customer.id).toMatch(/^cus_/)
    expect(customer.address).toMatchObject({ city: "London", country: "GB", line2: null })

    const updated = await stripe.customers.update(customer.id, {
      name: "Ada King",
      metadata: { engine_id: "c_1" },
    })
    expect(updated).toMatchObject({ name: "Ada King", email: "ada@example.com" })
    expect((await stripe.customers.retrieve(customer.id)) as Stripe.Customer).toMatchObject({
      name: "Ada King",
      metadata: { engine_id: "c_1" },
    })

    const deleted = await stripe.customers.del(customer.id)
    expect(deleted).toMatchObject({ id: customer.id, object: "customer", deleted: true })
    expect(await stripe.customers.retrieve(customer.id)).toMatchObject({ deleted: true })
    expect((await stripeError(stripe.customers.update(customer.id, { name: "x" }))).code).toBe(
      "resource_missing"
    )
  })

  it("attaching a magic card saves a new PaymentMethod; list and detach", async () => {
    const customer = await stripe.customers.create({ email: "a@b.co" })
    const visa = await stripe.paymentMethods.attach("pm_card_visa", { customer: customer.id })
    const mastercard = await stripe.paymentMethods.attach("pm_card_mastercard", {
      customer: customer.id,
    })
    expect(visa.id).toMatch(/^pm_(?!card_)/)
    expect(visa).toMatchObject({ customer: customer.id, type: "card", card: { last4: "4242" } })
    expect(mastercard.card?.last4).toBe("4444")

    const listed = await stripe.customers.listPaymentMethods(customer.id, { limit: 100 })
    expect(listed.object).toBe("list")
    expect(listed.has_more).toBe(false)
    expect(listed.url).toBe(`/v1/customers/${customer.id}/payment_methods`)
    // Newest first, as Stripe lists.
    expect(listed.data.map((method) => method.id)).toEqual([mastercard.id, visa.id])
    const byQuery = await stripe.paymentMethods.list({ customer: customer.id, type: "card" })
    expect(byQuery.data).toHaveLength(2)

    const detached = await stripe.paymentMethods.detach(visa.id)
    expect(detached.customer).toBeNull()
    const after = await stripe.customers.listPaymentMethods(customer.id)
    expect(after.data.map((method) => method.id)).toEqual([mastercard.id])
  })

  it("a saved declining card keeps declining", async () => {
    const customer = await stripe.customers.create({ email: "a@b.co" })
    const saved = await stripe.paymentMethods.attach("pm_card_chargeDeclined", {
      customer: customer.id,
    })
    expect(saved.card?.last4).toBe("0002")
    const error = await stripeError(
      paidIntent({ customer: customer.id, payment_method: saved.id, off_session: true })
    )
    expect(error.code).toBe("card_declined")
  })

  it("a saved card cannot pay another customer's intent", async () => {
    const owner = await stripe.customers.create({ email: "a@b.co" })
    const saved = await stripe.paymentMethods.attach("pm_card_visa", { customer: owner.id })
    const error = await stripeError(paidIntent({ payment_method: saved.id }))
    expect(error.param).toBe("payment_method")
  })

  it("creates a PaymentMethod from a test token, and refuses raw card numbers", async () => {
    const method = await stripe.paymentMethods.create({
      type: "card",
      card: { token: "tok_mastercard" },
      billing_details: { name: "Ada" },
    })
    expect(method).toMatchObject({
      object: "payment_method",
      card: { brand: "mastercard", last4: "4444" },
      billing_details: { name: "Ada" },
    })
    const raw = await stripeError(
      stripe.paymentMethods.create({
        type: "card",
        card: { number: "4242424242424242", exp_month: 1, exp_year: 2040, cvc: "123" },
      })
    )
    expect(raw.param).toBe("card[number]")
  })

  it("setup_future_usage saves the card on the customer once the payment succeeds", async () => {
    const customer = await stripe.customers.create({ email: "a@b.co" })
    await paidIntent({ customer: customer.id, setup_future_usage: "off_session" })
    const listed = await stripe.customers.listPaymentMethods(customer.id)
    expect(listed.data).toHaveLength(1)
  })
})

describe("setup intents", () => {
  it("confirming saves the card on the customer and records setup_intent.succeeded", async () => {
    const customer = await stripe.customers.create({ email: "a@b.co" })
    const intent = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method: "pm_card_visa",
      confirm: true,
    })
    expect(intent).toMatchObject({
      object: "setup_intent",
      status: "succeeded",
      usage: "off_session",
    })
    expect(intent.client_secret).toMatch(new RegExp(`^${intent.id}_secret_`))
    const method = await stripe.paymentMethods.retrieve(intent.payment_method as string)
    expect(method.customer).toBe(customer.id)
    expect(fake.eventsOf("setup_intent.succeeded", intent.id)).toHaveLength(1)
    expect((await stripe.setupIntents.retrieve(intent.id)).status).toBe("succeeded")
  })

  it("without confirm it waits; a 3-D Secure card needs authentication", async () => {
    const customer = await stripe.customers.create({ email: "a@b.co" })
    const pending = await stripe.setupIntents.create({ customer: customer.id })
    expect(pending.status).toBe("requires_payment_method")

    const secure = await stripe.setupIntents.create({
      customer: customer.id,
      payment_method: "pm_card_threeDSecure2Required",
      confirm: true,
    })
    expect(secure.status).toBe("requires_action")
    expect(fake.authenticateSetup(secure.id, "succeed").status).toBe("succeeded")
    expect((await stripe.customers.listPaymentMethods(customer.id)).data).toHaveLength(1)
  })
})

describe("events", () => {
  it("records Stripe-shaped events with snapshots of the object at that moment", async () => {
    const intent = await paidIntent({ metadata: { session_id: "s1" } })
    expect(fake.events.map((event) => event.type)).toEqual([
      "payment_intent.created",
      "charge.succeeded",
      "payment_intent.succeeded",
    ])
    const [created] = fake.eventsOf("payment_intent.created", intent.id)
    expect(created).toMatchObject({
      id: expect.stringMatching(/^evt_/),
      object: "event",
      api_version: "2024-04-10",
      livemode: false,
      pending_webhooks: 1,
      request: { id: expect.stringMatching(/^req_/), idempotency_key: expect.any(String) },
      data: { object: { id: intent.id, status: "requires_confirmation" } },
    })

    await stripe.refunds.create({ payment_intent: intent.id })
    const [chargeSucceeded] = fake.eventsOf("charge.succeeded")
    expect(chargeSucceeded.data.object).toMatchObject({ amount_refunded: 0 })
    const [refunded] = fake.eventsOf("charge.refunded")
    expect(refunded.data.object).toMatchObject({ object: "charge", amount_refunded: 2000 })

    const fetched = await stripe.events.retrieve(created.id)
    expect(fetched.type).toBe("payment_intent.created")
  })

  it("out-of-band changes record events with no API request", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    const succeeded = fake.succeedOutOfBand(intent.id)
    expect(succeeded.status).toBe("succeeded")
    expect((await stripe.paymentIntents.retrieve(intent.id)).amount_received).toBe(1000)
    const [event] = fake.eventsOf("payment_intent.succeeded", intent.id)
    expect(event.request).toEqual({ id: null, idempotency_key: null })

    const refund = fake.refundOutOfBand(intent.id, 400)
    expect(refund.amount).toBe(400)
    expect((await stripe.charges.retrieve(succeeded.latest_charge as string)).amount_refunded).toBe(
      400
    )
  })
})

describe("webhooks", () => {
  interface Received {
    event?: Stripe.Event
    error?: string
  }
  let receiver: http.Server
  let receiverUrl: string
  const received: Received[] = []

  beforeAll(async () => {
    // A webhook endpoint that verifies signatures the way the engine does.
    const verifier = new Stripe("sk_test_unused")
    receiver = http.createServer((request, response) => {
      const chunks: Buffer[] = []
      request.on("data", (chunk: Buffer) => chunks.push(chunk))
      request.on("end", () => {
        try {
          const event = verifier.webhooks.constructEvent(
            Buffer.concat(chunks),
            request.headers["stripe-signature"] as string,
            fake.webhookSecret,
            300
          )
          received.push({ event })
          response.writeHead(200).end()
        } catch (error) {
          received.push({ error: (error as Error).constructor.name })
          response.writeHead(400).end()
        }
      })
    })
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve))
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/payment/stripe_stripe`
  })

  afterAll(async () => {
    await new Promise((resolve) => receiver.close(resolve))
  })

  beforeEach(() => {
    received.length = 0
  })

  it("delivers a signed event the receiver verifies with constructEvent", async () => {
    const intent = await paidIntent()
    const [event] = fake.eventsOf("payment_intent.succeeded", intent.id)
    expect(await fake.deliver(event, { url: receiverUrl })).toEqual([200])
    expect(received).toHaveLength(1)
    expect(received[0].event).toMatchObject({
      id: event.id,
      type: "payment_intent.succeeded",
      data: { object: { id: intent.id, status: "succeeded" } },
    })
    expect(fake.deliveries).toEqual([
      { eventId: event.id, type: "payment_intent.succeeded", url: receiverUrl, status: 200 },
    ])
  })

  it("a wrong secret or a stale timestamp fails verification", async () => {
    const intent = await paidIntent()
    const [event] = fake.eventsOf("payment_intent.succeeded", intent.id)
    const forged = await fake.deliver(event.id, { url: receiverUrl, secret: "whsec_attacker" })
    const stale = await fake.deliver(event.id, {
      url: receiverUrl,
      timestamp: Math.floor(Date.now() / 1000) - 600,
    })
    expect([...forged, ...stale]).toEqual([400, 400])
    expect(received.map((entry) => entry.error)).toEqual([
      "StripeSignatureVerificationError",
      "StripeSignatureVerificationError",
    ])
  })

  it("delivers the same event several times, one after the other or at once", async () => {
    const intent = await paidIntent()
    const [event] = fake.eventsOf("payment_intent.succeeded", intent.id)
    expect(await fake.deliver(event, { url: receiverUrl, times: 3 })).toEqual([200, 200, 200])
    expect(await fake.deliver(event, { url: receiverUrl, times: 2, concurrent: true })).toEqual([
      200, 200,
    ])
    expect(new Set(received.map((entry) => entry.event?.id))).toEqual(new Set([event.id]))
    expect(received).toHaveLength(5)
  })

  it("with autoDeliver every new event reaches webhookUrl in order; out of band too", async () => {
    const auto = new FakeStripe({ webhookUrl: receiverUrl, autoDeliver: true })
    await auto.start()
    try {
      const client = clientFor(auto)
      const intent = await client.paymentIntents.create({
        amount: 1000,
        currency: "usd",
        payment_method: "pm_card_visa",
        confirm: true,
        metadata: { session_id: "s1" },
      })
      await auto.flushDeliveries()
      expect(received.map((entry) => entry.event?.type)).toEqual([
        "payment_intent.created",
        "charge.succeeded",
        "payment_intent.succeeded",
      ])
      expect(received[2].event?.data.object).toMatchObject({ id: intent.id })

      auto.refundOutOfBand(intent.id)
      await auto.flushDeliveries()
      expect(received.map((entry) => entry.event?.type).at(-1)).toBe("charge.refunded")
    } finally {
      await auto.stop()
    }
  })

  it("without autoDeliver out-of-band events are recorded but not sent", async () => {
    const intent = await stripe.paymentIntents.create({ amount: 1000, currency: "usd" })
    fake.succeedOutOfBand(intent.id)
    await fake.flushDeliveries()
    expect(fake.eventsOf("payment_intent.succeeded", intent.id)).toHaveLength(1)
    expect(received).toHaveLength(0)
  })
})

describe("/_fake control endpoints", () => {
  it("authenticate, list events and clear over HTTP without an API key", async () => {
    const intent = await paidIntent({ payment_method: "pm_card_threeDSecure2Required" })
    const page = await fetch(`${fake.url}/_fake/payment_intents/${intent.id}/authenticate`)
    expect(await page.text()).toContain("Complete authentication")

    const answer = await fetch(`${fake.url}/_fake/payment_intents/${intent.id}/authenticate`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ outcome: "fail" }),
    })
    expect(answer.status).toBe(200)
    expect(await answer.json()).toMatchObject({
      id: intent.id,
      status: "requires_payment_method",
      last_payment_error: { code: "payment_intent_authentication_failure" },
    })

    const events = await fetch(`${fake.url}/_fake/events?type=payment_intent.payment_failed`)
    expect(((await events.json()) as { type: string }[]).map((event) => event.type)).toEqual([
      "payment_intent.payment_failed",
    ])

    const missing = await fetch(`${fake.url}/_fake/payment_intents/pi_nope/succeed`, {
      method: "POST",
    })
    expect(missing.status).toBe(404)

    await fetch(`${fake.url}/_fake/clear`, { method: "POST" })
    expect(fake.events).toHaveLength(0)
  })
})

describe("CLI", () => {
  it("starts, prints the engine's environment and stops on SIGTERM", async () => {
    const port = await findFreePort()
    const child = spawn(
      process.execPath,
      [
        require.resolve("ts-node/dist/bin"),
        "integration-tests/support/fake-stripe/cli.ts",
        "--port",
        String(port),
        "--quiet",
      ],
      { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] }
    )
    const exited = new Promise<number | null>((resolve) => child.once("exit", resolve))
    let stdout = ""
    let stderr = ""
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()))
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString()
          if (stdout.includes("STRIPE_API_URL=")) {
            resolve()
          }
        })
        void exited.then((code) => reject(new Error(`CLI exited (${code}): ${stderr}`)))
      })
      expect(stdout).toContain("STRIPE_API_KEY=sk_test_fake_engine\n")
      expect(stdout).toContain("STRIPE_WEBHOOK_SECRET=whsec_fake_engine\n")
      expect(stdout).toContain(`STRIPE_API_URL=http://127.0.0.1:${port}\n`)

      const client = new Stripe("sk_test_fake_engine", {
        host: "127.0.0.1",
        port,
        protocol: "http",
      })
      const customer = await client.customers.create({ email: "cli@example.com" })
      expect(customer.id).toMatch(/^cus_/)
    } finally {
      child.kill("SIGTERM")
    }
    expect(await exited).toBe(0)
  }, 30_000)
})
