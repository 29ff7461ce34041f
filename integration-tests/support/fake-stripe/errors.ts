import type Stripe from "stripe"

/**
 * The object under `error` in Stripe's error responses: the stripe client's StripeRawError
 * with `message` always given and the `doc_url` the API sends.
 */
export type ErrorBody = Pick<
  Stripe.StripeRawError,
  | "type"
  | "code"
  | "decline_code"
  | "param"
  | "charge"
  | "payment_intent"
  | "payment_method"
  | "setup_intent"
> & { message: string; doc_url?: string }

/**
 * An error answer from the fake API. `storedForIdempotency` is false for errors raised while
 * validating parameters: Stripe only saves a result for an idempotency key once the endpoint
 * has started executing, so a request that failed validation can be retried with the same key.
 */
export class StripeApiError extends Error {
  readonly status: number
  readonly body: ErrorBody
  readonly storedForIdempotency: boolean

  constructor(status: number, body: ErrorBody, storedForIdempotency = true) {
    super(body.message)
    this.name = "StripeApiError"
    this.status = status
    this.body = body.code ? { ...body, doc_url: docUrl(body.code) } : body
    this.storedForIdempotency = storedForIdempotency
  }
}

export function docUrl(code: string): string {
  return `https://stripe.com/docs/error-codes/${code.replace(/_/g, "-")}`
}

/** A malformed or missing parameter: 400, not saved under the idempotency key. */
export function invalidParam(message: string, param: string, code?: string): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", code, message, param }, false)
}

export function missingParam(param: string): StripeApiError {
  return invalidParam(`Missing required param: ${param}.`, param, "parameter_missing")
}

export function unknownParam(param: string): StripeApiError {
  return invalidParam(`Received unknown parameter: ${param}`, param, "parameter_unknown")
}

/** A request the endpoint ran and refused (amount too large, wrong state...): 400, saved. */
export function invalidRequest(
  message: string,
  details: { code?: string; param?: string } = {}
): StripeApiError {
  return new StripeApiError(400, { type: "invalid_request_error", message, ...details })
}

/** The object name in the message is Stripe's: "No such payment_intent: 'pi_x'". */
export function resourceMissing(objectName: string, id: string, param = "id"): StripeApiError {
  return new StripeApiError(404, {
    type: "invalid_request_error",
    code: "resource_missing",
    message: `No such ${objectName}: '${id}'`,
    param,
  })
}

/** Medusa's provider reads `payment_intent.status` from this error to treat a repeat as done. */
export function unexpectedIntentState(
  intent: Stripe.PaymentIntent,
  message: string
): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code: "payment_intent_unexpected_state",
    message,
    payment_intent: structuredClone(intent),
  })
}

export function unexpectedSetupIntentState(
  intent: Stripe.SetupIntent,
  message: string
): StripeApiError {
  return new StripeApiError(400, {
    type: "invalid_request_error",
    code: "setup_intent_unexpected_state",
    message,
    setup_intent: structuredClone(intent),
  })
}

export function unrecognizedUrl(method: string, path: string): StripeApiError {
  return new StripeApiError(
    404,
    {
      type: "invalid_request_error",
      message: `Unrecognized request URL (${method}: ${path}). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.`,
    },
    false
  )
}
