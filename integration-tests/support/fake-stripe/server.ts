/**
 * A fake of Stripe's HTTP API for tests and local development: the real `stripe` client
 * (and so Medusa's Stripe provider) talks to it as to api.stripe.com, and it signs and sends
 * webhooks as Stripe does. See README.md next to this file.
 */
import http from "node:http"
import type { AddressInfo } from "node:net"
import { dispatch, routes } from "./api"
import { handleControl, type ControlTarget } from "./control"
import { StripeApiError } from "./errors"
import { IdempotencyKeys } from "./idempotency"
import { randomToken } from "./ids"
import { parseParams, type Params } from "./params"
import { authenticateIntent, succeedOutOfBand, type AuthenticationOutcome } from "./payment-intents"
import { createRefund } from "./refunds"
import { authenticateSetupIntent } from "./setup-intents"
import {
  API_VERSION,
  Store,
  type Charge,
  type Customer,
  type EventType,
  type PaymentIntent,
  type PaymentMethod,
  type Refund,
  type SetupIntent,
  type StripeEvent,
} from "./store"
import { eventPayload, postWebhook, signatureHeader } from "./webhooks"

export { StripeApiError } from "./errors"
export type { AuthenticationOutcome } from "./payment-intents"
export type {
  Charge,
  Customer,
  EventType,
  PaymentIntent,
  PaymentMethod,
  Refund,
  SetupIntent,
  StripeEvent,
} from "./store"

export interface FakeStripeOptions {
  apiKey?: string
  webhookSecret?: string
  /** Where `deliver()` and automatic deliveries POST events. */
  webhookUrl?: string
  /** Deliver every new event once to webhookUrl as soon as it is recorded. */
  autoDeliver?: boolean
  /** Called after each /v1 request is answered (the CLI prints them). */
  onRequest?: (request: RequestRecord) => void
  /** Called after each webhook delivery attempt. */
  onDelivery?: (delivery: DeliveryRecord) => void
}

export interface RequestRecord {
  method: string
  path: string
  params: Params
  idempotencyKey?: string
  /** True when the answer was a replay of the result saved under the idempotency key. */
  replayed: boolean
  status: number
  /** True when the request was handled but its answer dropped (`dropAnswers`). */
  dropped?: boolean
}

export interface DeliveryRecord {
  eventId: string
  type: string
  url: string
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null
  error?: string
}

export interface DeliverOptions {
  /** Defaults to the webhookUrl given to the constructor. */
  url?: string
  /** Deliver the same event this many times (Stripe retries and duplicates happen). */
  times?: number
  /** Sign with another secret: a forged delivery. */
  secret?: string
  /** Unix seconds to sign with; an old one makes a stale (replayed) delivery. */
  timestamp?: number
  /** Send and sign this body instead of the event's JSON. */
  payload?: string
  /** With `times`, send all copies at once instead of one after the other. */
  concurrent?: boolean
}

export const DEFAULT_API_KEY = "sk_test_fake_engine"
export const DEFAULT_WEBHOOK_SECRET = "whsec_fake_engine"

const MAX_BODY_BYTES = 1024 * 1024

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on("data", (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        reject(new Error("request body too large"))
        request.destroy()
        return
      }
      chunks.push(chunk)
    })
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")))
    request.on("error", reject)
  })
}

/** The key from `Authorization: Bearer sk_...` or, as curl -u sends it, Basic auth. */
function apiKeyOf(header: string | undefined): string | undefined {
  const [scheme, value] = (header ?? "").trim().split(/\s+/, 2)
  if (!value) {
    return undefined
  }
  if (scheme.toLowerCase() === "bearer") {
    return value
  }
  if (scheme.toLowerCase() === "basic") {
    return Buffer.from(value, "base64").toString("utf8").split(":")[0]
  }
  return undefined
}

function redact(key: string): string {
  return key.length <= 12
    ? "*".repeat(key.length)
    : `${key.slice(0, 8)}${"*".repeat(key.length - 12)}${key.slice(-4)}`
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value
}

export class FakeStripe implements ControlTarget {
  readonly apiKey: string
  readonly webhookSecret: string
  webhookUrl: string | undefined
  autoDeliver: boolean
  /** Every /v1 request, in order, for assertions. */
  readonly requests: RequestRecord[] = []
  /** Every webhook delivery attempt, in order. */
  readonly deliveries: DeliveryRecord[] = []

  private readonly store = new Store()
  private readonly idempotency = new IdempotencyKeys()
  private readonly onRequest?: (request: RequestRecord) => void
  private readonly onDelivery?: (delivery: DeliveryRecord) => void
  private server: http.Server | undefined
  private listeningPort: number | undefined
  private deliveryQueue: Promise<void> = Promise.resolve()
  private readonly droppedAnswers = new Set<string>()

  constructor(options: FakeStripeOptions = {}) {
    this.apiKey = options.apiKey ?? DEFAULT_API_KEY
    this.webhookSecret = options.webhookSecret ?? DEFAULT_WEBHOOK_SECRET
    this.webhookUrl = options.webhookUrl
    this.autoDeliver = options.autoDeliver ?? false
    this.onRequest = options.onRequest
    this.onDelivery = options.onDelivery
    this.store.onEvent((event) => this.queueAutoDelivery(event))
  }

  async start(port = 0): Promise<void> {
    if (this.server) {
      throw new Error("fake-stripe: already started")
    }
    const server = http.createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        process.stderr.write(`[fake-stripe] ${error instanceof Error ? error.stack : error}\n`)
        if (!response.headersSent) {
          response.writeHead(500).end()
        }
      })
    })
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject)
      server.listen(port, "127.0.0.1", () => {
        server.off("error", reject)
        resolve()
      })
    })
    this.server = server
    this.listeningPort = (server.address() as AddressInfo).port
    this.store.baseUrl = this.url
  }

  async stop(): Promise<void> {
    const server = this.server
    if (!server) {
      return
    }
    this.server = undefined
    this.listeningPort = undefined
    // The stripe client keeps connections alive; close them or close() waits for them.
    server.closeAllConnections()
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve()))
    )
  }

  get port(): number {
    if (this.listeningPort === undefined) {
      throw new Error("fake-stripe: not started")
    }
    return this.listeningPort
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`
  }

  /** What the engine needs to talk to this fake. */
  env(): Record<string, string> {
    return {
      STRIPE_API_KEY: this.apiKey,
      STRIPE_WEBHOOK_SECRET: this.webhookSecret,
      STRIPE_API_URL: this.url,
    }
  }

  /**
   * From now on, requests to `method path` are handled (a refund is made, saved under its
   * idempotency key) but their connection is closed without an answer, as when Stripe acted
   * and the answer timed out. The client's own retries are dropped too, until
   * `answerAgain(method, path)`.
   */
  dropAnswers(method: string, path: string): void {
    this.droppedAnswers.add(`${method.toUpperCase()} ${path}`)
  }

  answerAgain(method: string, path: string): void {
    this.droppedAnswers.delete(`${method.toUpperCase()} ${path}`)
  }

  /** Forgets every object, event, idempotency key, request and delivery, and answers all. */
  clear(): void {
    this.droppedAnswers.clear()
    this.store.clear()
    this.idempotency.clear()
    this.requests.length = 0
    this.deliveries.length = 0
  }

  countRequests(
    method: string,
    path: string | RegExp,
    options: { excludeReplays?: boolean } = {}
  ): number {
    return this.requests.filter(
      (request) =>
        request.method === method.toUpperCase() &&
        (typeof path === "string" ? request.path.startsWith(path) : path.test(request.path)) &&
        !(options.excludeReplays && request.replayed)
    ).length
  }

  /** Every event recorded, oldest first. */
  get events(): StripeEvent[] {
    return this.store.events
  }

  eventsOf(type?: EventType, objectId?: string): StripeEvent[] {
    return this.store.events.filter(
      (event) =>
        (type === undefined || event.type === type) &&
        (objectId === undefined || event.data.object.id === objectId)
    )
  }

  // Snapshots of the stored objects, for assertions (changing them changes nothing).
  paymentIntent(id: string): PaymentIntent {
    return structuredClone(this.store.paymentIntent(id))
  }

  charge(id: string): Charge {
    return structuredClone(this.store.charge(id))
  }

  refund(id: string): Refund {
    return structuredClone(this.store.refund(id))
  }

  /** Every refund of a PaymentIntent, oldest first. */
  refundsOf(intentId: string): Refund[] {
    return [...this.store.refunds.values()]
      .filter((refund) => refund.payment_intent === intentId)
      .map((refund) => structuredClone(refund))
  }

  customer(id: string): Customer {
    return structuredClone(this.store.customer(id))
  }

  paymentMethod(id: string): PaymentMethod {
    return structuredClone(this.store.paymentMethod(id))
  }

  setupIntent(id: string): SetupIntent {
    return structuredClone(this.store.setupIntent(id))
  }

  /** The customer passes ("succeed") or fails the 3-D Secure challenge of an intent. */
  authenticate(intentId: string, outcome: AuthenticationOutcome = "succeed"): PaymentIntent {
    const intent = this.store.paymentIntent(intentId)
    authenticateIntent(this.store, intent, outcome)
    return structuredClone(intent)
  }

  authenticateSetup(
    setupIntentId: string,
    outcome: AuthenticationOutcome = "succeed"
  ): SetupIntent {
    const intent = this.store.setupIntent(setupIntentId)
    authenticateSetupIntent(this.store, intent, outcome)
    return structuredClone(intent)
  }

  /** The intent succeeds at Stripe without any API call from the engine. */
  succeedOutOfBand(intentId: string): PaymentIntent {
    const intent = this.store.paymentIntent(intentId)
    succeedOutOfBand(this.store, intent)
    return structuredClone(intent)
  }

  /** A refund made in Stripe's dashboard; the whole remaining amount by default. */
  refundOutOfBand(intentId: string, amount?: number): Refund {
    const refund = createRefund(this.store, {
      paymentIntent: this.store.paymentIntent(intentId).id,
      amount,
      reason: "requested_by_customer",
    })
    return structuredClone(refund)
  }

  /**
   * POSTs an event, signed, to `options.url ?? webhookUrl`; resolves with the HTTP status
   * of each delivery. Rejects when the receiver cannot be reached.
   */
  async deliver(eventOrId: StripeEvent | string, options: DeliverOptions = {}): Promise<number[]> {
    const event = typeof eventOrId === "string" ? this.store.event(eventOrId) : eventOrId
    const url = options.url ?? this.webhookUrl
    if (!url) {
      throw new Error("fake-stripe: no webhook URL; pass options.url or set webhookUrl")
    }
    const payload = options.payload ?? eventPayload(event)
    const secret = options.secret ?? this.webhookSecret
    const send = async (): Promise<number> => {
      const record: DeliveryRecord = { eventId: event.id, type: event.type, url, status: null }
      try {
        record.status = await postWebhook(
          url,
          payload,
          signatureHeader(payload, secret, options.timestamp)
        )
        return record.status
      } catch (error) {
        record.error = error instanceof Error ? error.message : String(error)
        throw error
      } finally {
        this.deliveries.push(record)
        this.onDelivery?.(record)
      }
    }
    const times = options.times ?? 1
    if (options.concurrent) {
      return await Promise.all(Array.from({ length: times }, send))
    }
    const statuses: number[] = []
    for (let index = 0; index < times; index++) {
      statuses.push(await send())
    }
    return statuses
  }

  /** Resolves once every automatic delivery queued so far has been attempted. */
  async flushDeliveries(): Promise<void> {
    let current: Promise<void>
    do {
      current = this.deliveryQueue
      await current
    } while (current !== this.deliveryQueue)
  }

  /**
   * Automatic deliveries go one at a time in the order the events happened, after the API
   * answer is on its way; failures are reported on stderr, never to the API caller.
   */
  private queueAutoDelivery(event: StripeEvent): void {
    if (!this.autoDeliver) {
      return
    }
    this.deliveryQueue = this.deliveryQueue.then(async () => {
      if (!this.server) {
        return
      }
      if (!this.webhookUrl) {
        process.stderr.write(
          `[fake-stripe] ${event.id} (${event.type}) not delivered: no webhookUrl\n`
        )
        return
      }
      try {
        const [status] = await this.deliver(event)
        if (status >= 300) {
          process.stderr.write(
            `[fake-stripe] ${event.id} (${event.type}) → ${this.webhookUrl} answered ${status}\n`
          )
        }
      } catch (error) {
        process.stderr.write(
          `[fake-stripe] ${event.id} (${event.type}) → ${this.webhookUrl} failed: ${error instanceof Error ? error.message : error}\n`
        )
      }
    })
  }

  private async handle(
    request: http.IncomingMessage,
    response: http.ServerResponse
  ): Promise<void> {
    const method = (request.method ?? "GET").toUpperCase()
    const url = new URL(request.url ?? "/", "http://127.0.0.1")
    const body = await readBody(request)
    if (url.pathname.startsWith("/_fake/")) {
      const answer = await handleControl(
        this,
        method,
        url,
        body,
        headerValue(request.headers["content-type"])
      )
      response.writeHead(answer.status, { "Content-Type": answer.contentType })
      response.end(answer.body)
      return
    }
    const params = method === "POST" ? parseParams(body) : parseParams(url.search.slice(1))
    const key = method === "POST" ? headerValue(request.headers["idempotency-key"]) : undefined
    const requestId = `req_${randomToken(14)}`
    const answer = this.answer(method, url.pathname, params, request, key, requestId)
    const dropped = this.droppedAnswers.has(`${method} ${url.pathname}`)
    const record: RequestRecord = {
      method,
      path: url.pathname,
      params,
      ...(key ? { idempotencyKey: key } : {}),
      replayed: answer.replayedFrom !== undefined,
      status: answer.status,
      ...(dropped ? { dropped } : {}),
    }
    this.requests.push(record)
    this.onRequest?.(record)
    if (dropped) {
      response.socket?.destroy()
      return
    }
    response.writeHead(answer.status, {
      "Content-Type": "application/json",
      "Request-Id": requestId,
      "Stripe-Version": headerValue(request.headers["stripe-version"]) ?? API_VERSION,
      ...(key ? { "Idempotency-Key": key } : {}),
      ...(answer.replayedFrom
        ? { "Idempotent-Replayed": "true", "Original-Request": answer.replayedFrom }
        : {}),
    })
    response.end(answer.body)
  }

  private answer(
    method: string,
    path: string,
    params: Params,
    request: http.IncomingMessage,
    key: string | undefined,
    requestId: string
  ): { status: number; body: string; replayedFrom?: string } {
    const apiKey = apiKeyOf(request.headers.authorization)
    if (apiKey !== this.apiKey) {
      const message = apiKey
        ? `Invalid API Key provided: ${redact(apiKey)}`
        : "You did not provide an API key. You need to provide your API key in the Authorization header, using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY')."
      return { status: 401, body: errorJson({ type: "invalid_request_error", message }) }
    }
    const endpoint = `${method} ${path}`
    if (key) {
      const check = this.idempotency.check(key, endpoint, params)
      if (check.kind === "replay") {
        return { ...check.response, replayedFrom: check.response.requestId }
      }
      if (check.kind === "conflict") {
        return { status: check.error.status, body: errorJson(check.error.body) }
      }
    }
    let status = 200
    let body: string
    let saved = true
    try {
      const result = this.store.withinRequest({ id: requestId, idempotency_key: key ?? null }, () =>
        dispatch(routes, this.store, method, path, params)
      )
      body = JSON.stringify(result, null, 2)
    } catch (error) {
      if (error instanceof StripeApiError) {
        status = error.status
        body = errorJson(error.body)
        saved = error.storedForIdempotency
      } else {
        // A bug in the fake: answer like Stripe's 500 so the client reports it, and say why.
        process.stderr.write(
          `[fake-stripe] ${endpoint}: ${error instanceof Error ? error.stack : error}\n`
        )
        status = 500
        body = errorJson({
          type: "api_error",
          message: `fake-stripe internal error: ${error instanceof Error ? error.message : error}`,
        })
        saved = false
      }
    }
    if (key && saved) {
      this.idempotency.save(key, endpoint, params, { status, body, requestId })
    }
    return { status, body }
  }
}

function errorJson(error: StripeApiError["body"]): string {
  return JSON.stringify({ error }, null, 2)
}
