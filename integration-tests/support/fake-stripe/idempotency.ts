/**
 * Stripe's idempotency keys: the first result of a POST is saved under its key; the same key
 * sent again with the same endpoint and parameters replays that result (even an error),
 * and with anything else is refused, so a retried engine call can never charge twice.
 */
import { StripeApiError } from "./errors"
import type { Params } from "./params"

/** Stripe prunes keys after 24 hours. */
const RETENTION_MS = 24 * 60 * 60 * 1000

export interface SavedResponse {
  status: number
  body: string
  requestId: string
}

interface Entry {
  endpoint: string
  params: string
  response: SavedResponse
  savedAt: number
}

export type IdempotencyCheck =
  | { kind: "new" }
  | { kind: "replay"; response: SavedResponse }
  | { kind: "conflict"; error: StripeApiError }

/** JSON with sorted keys, so parameter order does not make two requests differ. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonical).join(",")}]`
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonical(entry)}`).join(",")}}`
  }
  return JSON.stringify(value) ?? "null"
}

function idempotencyError(message: string): StripeApiError {
  return new StripeApiError(400, { type: "idempotency_error", message }, false)
}

export class IdempotencyKeys {
  private readonly entries = new Map<string, Entry>()

  check(key: string, endpoint: string, params: Params): IdempotencyCheck {
    const entry = this.entries.get(key)
    if (!entry) {
      return { kind: "new" }
    }
    if (Date.now() - entry.savedAt > RETENTION_MS) {
      this.entries.delete(key)
      return { kind: "new" }
    }
    if (entry.endpoint !== endpoint) {
      return {
        kind: "conflict",
        error: idempotencyError(
          `Keys for idempotent requests can only be used for the same endpoint they were first used for ('${entry.endpoint}' vs '${endpoint}'). Try using a key other than '${key}' if you meant to execute a different request.`
        ),
      }
    }
    if (entry.params !== canonical(params)) {
      return {
        kind: "conflict",
        error: idempotencyError(
          `Keys for idempotent requests can only be used with the same parameters they were first used with. Try using a key other than '${key}' if you meant to execute a different request.`
        ),
      }
    }
    return { kind: "replay", response: entry.response }
  }

  save(key: string, endpoint: string, params: Params, response: SavedResponse): void {
    this.entries.set(key, { endpoint, params: canonical(params), response, savedAt: Date.now() })
  }

  clear(): void {
    this.entries.clear()
  }
}
