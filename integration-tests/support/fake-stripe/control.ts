/**
 * `/_fake/...`: test controls over HTTP, without auth, for whoever runs the CLI (curl, a
 * browser following a 3-D Secure `stripe_js` link, another process's tests).
 *
 *   GET  /_fake/env
 *   GET  /_fake/payment_intents/:id/authenticate        a page with pass / fail buttons
 *   POST /_fake/payment_intents/:id/authenticate        outcome=succeed|fail
 *   POST /_fake/setup_intents/:id/authenticate          outcome=succeed|fail
 *   POST /_fake/payment_intents/:id/succeed             succeeds out of band
 *   POST /_fake/payment_intents/:id/refund              amount=... (optional): dashboard refund
 *   GET  /_fake/events?type=&object=
 *   POST /_fake/events/:id/deliver                      url=..., times=...
 *   GET  /_fake/requests
 *   POST /_fake/clear
 *
 * Bodies may be JSON or form-encoded.
 */
import { StripeApiError } from "./errors"
import { optionalEnum, optionalString, parseParams, positiveInteger, type Params } from "./params"
import type { AuthenticationOutcome } from "./payment-intents"
import type { EventType } from "./store"

/**
 * What the controls act on. FakeStripe implements it; declaring it here keeps this module
 * from depending on the server that routes `/_fake/` requests to it. Answers are only
 * turned into JSON, so their types do not matter here.
 */
export interface ControlTarget {
  env(): Record<string, string>
  readonly requests: readonly unknown[]
  clear(): void
  eventsOf(type?: EventType, objectId?: string): readonly unknown[]
  deliver(eventId: string, options: { url?: string; times?: number }): Promise<number[]>
  authenticate(intentId: string, outcome: AuthenticationOutcome): unknown
  authenticateSetup(setupIntentId: string, outcome: AuthenticationOutcome): unknown
  succeedOutOfBand(intentId: string): unknown
  refundOutOfBand(intentId: string, amount?: number): unknown
}

export interface ControlAnswer {
  status: number
  body: string
  contentType: string
}

function json(value: unknown, status = 200): ControlAnswer {
  return { status, body: JSON.stringify(value, null, 2), contentType: "application/json" }
}

function controlParams(url: URL, body: string, contentType: string | undefined): Params {
  const query = parseParams(url.search.slice(1))
  if (!body) {
    return query
  }
  if (contentType?.includes("application/json")) {
    const parsed: unknown = JSON.parse(body)
    const entries = parsed && typeof parsed === "object" ? Object.entries(parsed) : []
    // JSON numbers become strings, as form values are, so one set of readers serves both.
    return { ...query, ...Object.fromEntries(entries.map(([key, value]) => [key, String(value)])) }
  }
  return { ...query, ...parseParams(body) }
}

function authenticationPage(path: string): ControlAnswer {
  const body = `<!doctype html>
<html><head><meta charset="utf-8"><title>fake-stripe 3-D Secure</title></head>
<body style="font-family: sans-serif; max-width: 30em; margin: 3em auto">
<h1>3-D Secure (fake)</h1>
<p>Complete or fail the authentication of this payment.</p>
<form method="post" action="${path}"><button name="outcome" value="succeed">Complete authentication</button>
<button name="outcome" value="fail">Fail authentication</button></form>
</body></html>`
  return { status: 200, body, contentType: "text/html; charset=utf-8" }
}

export async function handleControl(
  fake: ControlTarget,
  method: string,
  url: URL,
  body: string,
  contentType: string | undefined
): Promise<ControlAnswer> {
  try {
    const params = controlParams(url, body, contentType)
    const parts = url.pathname.split("/").slice(2).map(decodeURIComponent)
    const [resource, id, action] = parts
    const at = `${method} ${parts.length}`
    const outcome = () => optionalEnum(params, "outcome", ["succeed", "fail"] as const) ?? "succeed"

    if (resource === "env" && at === "GET 1") {
      return json(fake.env())
    }
    if (resource === "requests" && at === "GET 1") {
      return json(fake.requests)
    }
    if (resource === "clear" && at === "POST 1") {
      fake.clear()
      return json({ cleared: true })
    }
    if (resource === "events" && at === "GET 1") {
      // An unknown type simply matches nothing.
      const type = optionalString(params, "type") as EventType | undefined
      return json(fake.eventsOf(type, optionalString(params, "object")))
    }
    if (resource === "events" && action === "deliver" && at === "POST 3") {
      const statuses = await fake.deliver(id, {
        url: optionalString(params, "url"),
        times: positiveInteger(params, "times"),
      })
      return json({ statuses })
    }
    if (resource === "payment_intents" && at === "GET 3" && action === "authenticate") {
      return authenticationPage(url.pathname)
    }
    if (resource === "payment_intents" && at === "POST 3") {
      if (action === "authenticate") {
        return json(fake.authenticate(id, outcome()))
      }
      if (action === "succeed") {
        return json(fake.succeedOutOfBand(id))
      }
      if (action === "refund") {
        return json(fake.refundOutOfBand(id, positiveInteger(params, "amount")))
      }
    }
    if (resource === "setup_intents" && action === "authenticate" && at === "POST 3") {
      return json(fake.authenticateSetup(id, outcome()))
    }
    return json(
      {
        error: {
          type: "invalid_request_error",
          message: `Unknown control ${method} ${url.pathname}`,
        },
      },
      404
    )
  } catch (error) {
    if (error instanceof StripeApiError) {
      return json({ error: error.body }, error.status)
    }
    const message = error instanceof Error ? error.message : String(error)
    return json({ error: { type: "invalid_request_error", message } }, 400)
  }
}
