import { MedusaError } from "@medusajs/framework/utils"
import { formatException } from "@medusajs/framework/http"
import { UNAVAILABLE_MESSAGES, unavailableDependency } from "./dependency-errors"
import { PAYMENT_PROVIDER_ERROR } from "../../utils/payment/provider-error"
import { PASSWORD_HASHING_BUSY } from "../../utils/identity/password-hashing"
import { isLockWaitGivenUp } from "../../utils/locking/lock-wait"

export type FieldError = { field: string; message: string }

/** The contract's error body: Medusa's `{type, message}`, plus field errors for validation. */
export type ErrorBody = {
  type: string
  message: string
  errors?: FieldError[]
  request_id?: string
  /** A payment provider's reason for a decline (Stripe's `code` and `decline_code`). */
  code?: string
  decline_code?: string
}

/** Invalid input, with one entry per offending field. */
export class RequestValidationError extends MedusaError {
  constructor(
    readonly fieldErrors: FieldError[],
    part: "body" | "query"
  ) {
    super(MedusaError.Types.INVALID_DATA, `Invalid request ${part}`)
  }
}

/** An HTTP-level refusal that has no MedusaError type (413, 415, 429). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly type: string,
    message: string,
    readonly headers: Record<string, string> = {},
    readonly details: Pick<ErrorBody, "code" | "decline_code"> = {}
  ) {
    super(message)
  }
}

const STATUS_BY_MEDUSA_TYPE: Record<string, number> = {
  [MedusaError.Types.INVALID_DATA]: 400,
  [MedusaError.Types.INVALID_ARGUMENT]: 400,
  [MedusaError.Types.NOT_ALLOWED]: 400,
  [MedusaError.Types.UNAUTHORIZED]: 401,
  [MedusaError.Types.FORBIDDEN]: 403,
  [MedusaError.Types.NOT_FOUND]: 404,
  [MedusaError.Types.DUPLICATE_ERROR]: 409,
  [MedusaError.Types.CONFLICT]: 409,
  [MedusaError.Types.PAYMENT_AUTHORIZATION_ERROR]: 422,
  [MedusaError.Types.PAYMENT_REQUIRES_MORE_ERROR]: 422,
  // The provider did not do or confirm what it was asked: the upstream failed.
  [PAYMENT_PROVIDER_ERROR]: 502,
  // Too many password hashes waiting in this process: shed, to retry shortly.
  [PASSWORD_HASHING_BUSY]: 503,
}

/** Headers of a status by Medusa error type (a shed request says when to come back). */
const HEADERS_BY_MEDUSA_TYPE: Record<string, Record<string, string>> = {
  [PASSWORD_HASHING_BUSY]: { "Retry-After": "2" },
}

/** Errors raised by express and body-parser carry a status and `expose` for client errors. */
type ExpressHttpError = { status: number; expose?: boolean; type?: string; message: string }

function isExpressHttpError(error: unknown): error is ExpressHttpError {
  return (
    typeof error === "object" &&
    error !== null &&
    typeof (error as ExpressHttpError).status === "number" &&
    (error as ExpressHttpError).status >= 400 &&
    (error as ExpressHttpError).status < 500
  )
}

const EXPRESS_ERROR_TYPES: Record<number, string> = {
  400: "invalid_data",
  413: "payload_too_large",
  415: "unsupported_media_type",
}

/**
 * A MedusaError, or one that crossed the workflow engine: with the Redis engine, errors
 * thrown in steps come back as plain objects that keep Medusa's `__isMedusaError` mark.
 */
function isMedusaError(error: unknown): error is { type: string; message: string } {
  return (
    typeof error === "object" &&
    error !== null &&
    (error instanceof MedusaError || MedusaError.isMedusaError(error)) &&
    typeof (error as { type?: unknown }).type === "string" &&
    typeof (error as { message?: unknown }).message === "string"
  )
}

/** Seconds a client should wait before retrying after a dependency outage. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5

/** A 503 for an unreachable or too slow PostgreSQL or Redis. */
export function unavailableResponse(dependency: keyof typeof UNAVAILABLE_MESSAGES): ErrorResponse {
  return {
    status: 503,
    body: { type: "service_unavailable", message: UNAVAILABLE_MESSAGES[dependency] },
    headers: { "Retry-After": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
    unexpected: false,
  }
}

export type ErrorResponse = {
  status: number
  body: ErrorBody
  headers: Record<string, string>
  /** True for errors that are the server's fault: logged with their stack. */
  unexpected: boolean
}

/**
 * Maps any thrown value to the contract's status and body. Unknown errors become a 500
 * with the request id and nothing of the error itself, so internals never leak.
 */
export function toErrorResponse(error: unknown, requestId: string): ErrorResponse {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: { type: error.type, message: error.message, ...error.details },
      headers: error.headers,
      unexpected: false,
    }
  }
  if (isExpressHttpError(error)) {
    const message =
      error.type === "entity.parse.failed" ? "The request body is not valid JSON" : error.message
    return {
      status: error.status,
      body: { type: EXPRESS_ERROR_TYPES[error.status] ?? "invalid_request", message },
      headers: {},
      unexpected: false,
    }
  }
  const dependency = unavailableDependency(error)
  if (dependency) {
    return unavailableResponse(dependency)
  }
  // formatException turns database errors (unique and foreign key violations) into
  // MedusaErrors; it reads properties, so only objects go in.
  const formatted =
    typeof error === "object" && error !== null
      ? formatException(error as Error & { code?: string })
      : error
  if (isMedusaError(formatted) && STATUS_BY_MEDUSA_TYPE[formatted.type]) {
    const body: ErrorBody = { type: formatted.type, message: formatted.message }
    if (formatted instanceof RequestValidationError) {
      body.errors = formatted.fieldErrors
    }
    return {
      status: STATUS_BY_MEDUSA_TYPE[formatted.type],
      body,
      headers: HEADERS_BY_MEDUSA_TYPE[formatted.type] ?? {},
      unexpected: false,
    }
  }
  if (isLockWaitGivenUp(error)) {
    // Another request held the same lock for longer than this one would wait: a conflict
    // with current state, safe to retry (the Redis provider already throws a CONFLICT; the
    // in-memory one throws a plain Error).
    return {
      status: 409,
      body: { type: "conflict", message: "The resource is busy with another request; retry" },
      headers: { "Retry-After": "1" },
      unexpected: false,
    }
  }
  return {
    status: 500,
    body: {
      type: "unknown_error",
      message: "An unexpected error occurred. Quote the request id when reporting it.",
      request_id: requestId,
    },
    headers: {},
    unexpected: true,
  }
}
