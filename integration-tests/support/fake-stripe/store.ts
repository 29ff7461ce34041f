/**
 * Everything the fake knows, in memory: the objects by id, the events in the order they
 * happened, and which test card each PaymentMethod stands for.
 */
import { resourceMissing } from "./errors"
import { newId, nowSeconds } from "./ids"
import type { CardProfile } from "./magic-cards"
import type {
  Charge,
  Customer,
  EventType,
  PaymentIntent,
  PaymentMethod,
  Refund,
  SetupIntent,
  StripeEvent,
  StripeObject,
} from "./types"

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
  request: StripeEvent["request"] = { id: null, idempotency_key: null }
  /** Where the fake listens; used in URLs it hands out (3-D Secure pages, list urls). */
  baseUrl = ""
  private readonly listeners: EventListener[] = []

  onEvent(listener: EventListener): void {
    this.listeners.push(listener)
  }

  /** Records an event carrying a snapshot: later changes to the object do not alter it. */
  recordEvent(type: EventType, object: StripeObject): StripeEvent {
    const event: StripeEvent = {
      id: newId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      data: { object: structuredClone(object) },
      livemode: false,
      pending_webhooks: 1,
      request: { ...this.request },
      type,
    }
    this.events.push(event)
    for (const listener of this.listeners) {
      listener(event)
    }
    return event
  }

  /** Runs `work` as if caused by an API request, then goes back to "no request". */
  withinRequest<T>(request: StripeEvent["request"], work: () => T): T {
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
