/**
 * Everything the fake knows, in memory: the objects by id, the events in the order they
 * happened, and which test card each PaymentMethod stands for.
 */
import type Stripe from "stripe"
import { resourceMissing } from "./errors"
import { newId, nowSeconds } from "./ids"
import type { CardProfile } from "./magic-cards"

/**
 * Stripe's own type, with the fields that `expand[]` can turn into objects narrowed to what
 * the fake stores in them: ids. Still a Stripe type (assignable to it); answers expand copies.
 */
type Unexpanded<T, K extends keyof T> = Omit<T, K> & { [P in K]: Extract<T[P], string | null> }

// The objects the fake stores and answers with: Stripe's types (API version 2024-04-10, the
// one stripe@15 pins), with every field the type requires. Fields of features the fake does
// not have (Connect, invoices, wallets, reviews...) are null, as Stripe answers without them.
export type PaymentIntent = Unexpanded<
  Stripe.PaymentIntent,
  "customer" | "latest_charge" | "payment_method"
>
export type Charge = Unexpanded<Stripe.Charge, "customer" | "payment_intent">
export type Refund = Unexpanded<Stripe.Refund, "charge" | "payment_intent">
export type Customer = Stripe.Customer
/** Only cards exist in the fake. */
export type PaymentMethod = Unexpanded<Stripe.PaymentMethod, "customer"> & {
  type: "card"
  card: Stripe.PaymentMethod.Card
}
export type SetupIntent = Unexpanded<Stripe.SetupIntent, "customer" | "payment_method">

export type PaymentIntentEventType =
  | "payment_intent.created"
  | "payment_intent.requires_action"
  | "payment_intent.amount_capturable_updated"
  | "payment_intent.succeeded"
  | "payment_intent.payment_failed"
  | "payment_intent.canceled"
export type ChargeEventType =
  "charge.succeeded" | "charge.failed" | "charge.captured" | "charge.refunded"
export type SetupIntentEventType =
  "setup_intent.requires_action" | "setup_intent.setup_failed" | "setup_intent.succeeded"
/** The only events the fake sends. */
export type EventType = PaymentIntentEventType | ChargeEventType | SetupIntentEventType
export type StripeEvent = Extract<Stripe.Event, { type: EventType }>

/** The API version stripe@15 sends and that events are rendered in. */
export const API_VERSION = "2024-04-10"

export type EventListener = (event: StripeEvent) => void

export class Store {
  readonly paymentIntents = new Map<string, PaymentIntent>()
  readonly charges = new Map<string, Charge>()
  readonly refunds = new Map<string, Refund>()
  readonly customers = new Map<string, Customer>()
  readonly deletedCustomers = new Set<string>()
  readonly paymentMethods = new Map<string, PaymentMethod>()
  /** Behaviour of every PaymentMethod, which Stripe keeps in the card number itself. */
  readonly cards = new Map<string, CardProfile>()
  readonly setupIntents = new Map<string, SetupIntent>()
  readonly events: StripeEvent[] = []
  /** The API request being executed; events it causes name it, as Stripe's do. */
  request: Stripe.Event.Request = { id: null, idempotency_key: null }
  /** Where the fake listens; used in URLs it hands out (3-D Secure pages, list urls). */
  baseUrl = ""
  private readonly listeners: EventListener[] = []

  onEvent(listener: EventListener): void {
    this.listeners.push(listener)
  }

  // Each records an event carrying a snapshot: later changes to the object do not alter it.
  recordPaymentIntentEvent(type: PaymentIntentEventType, intent: PaymentIntent): StripeEvent {
    return this.record({ ...this.newEvent(), type, data: { object: structuredClone(intent) } })
  }

  recordChargeEvent(type: ChargeEventType, charge: Charge): StripeEvent {
    return this.record({ ...this.newEvent(), type, data: { object: structuredClone(charge) } })
  }

  recordSetupIntentEvent(type: SetupIntentEventType, intent: SetupIntent): StripeEvent {
    return this.record({ ...this.newEvent(), type, data: { object: structuredClone(intent) } })
  }

  /** The fields every event has, its type and object aside. */
  private newEvent() {
    return {
      id: newId("evt"),
      object: "event" as const,
      api_version: API_VERSION,
      created: nowSeconds(),
      livemode: false,
      pending_webhooks: 1,
      request: { ...this.request },
    }
  }

  private record(event: StripeEvent): StripeEvent {
    this.events.push(event)
    for (const listener of this.listeners) {
      listener(event)
    }
    return event
  }

  /** Runs `work` as if caused by an API request, then goes back to "no request". */
  withinRequest<T>(request: Stripe.Event.Request, work: () => T): T {
    this.request = request
    try {
      return work()
    } finally {
      this.request = { id: null, idempotency_key: null }
    }
  }

  paymentIntent(id: string, param = "id"): PaymentIntent {
    return found(this.paymentIntents.get(id), "payment_intent", id, param)
  }

  charge(id: string, param = "id"): Charge {
    return found(this.charges.get(id), "charge", id, param)
  }

  refund(id: string): Refund {
    return found(this.refunds.get(id), "refund", id)
  }

  customer(id: string, param = "id"): Customer {
    return found(this.customers.get(id), "customer", id, param)
  }

  paymentMethod(id: string, param = "id"): PaymentMethod {
    return found(this.paymentMethods.get(id), "payment_method", id, param)
  }

  setupIntent(id: string): SetupIntent {
    return found(this.setupIntents.get(id), "setup_intent", id)
  }

  event(id: string): StripeEvent {
    return found(
      this.events.find((event) => event.id === id),
      "event",
      id
    )
  }

  clear(): void {
    this.paymentIntents.clear()
    this.charges.clear()
    this.refunds.clear()
    this.customers.clear()
    this.deletedCustomers.clear()
    this.paymentMethods.clear()
    this.cards.clear()
    this.setupIntents.clear()
    this.events.length = 0
  }
}

function found<T>(value: T | undefined, objectName: string, id: string, param = "id"): T {
  if (value === undefined) {
    throw resourceMissing(objectName, id, param)
  }
  return value
}
