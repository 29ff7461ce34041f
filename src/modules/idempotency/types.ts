import type { InferTypeOf } from "@medusajs/framework/types"
import type { IdempotencyKey } from "./models/idempotency-key"

/**
 * A row as the service's SQL returns it: the model's columns without `deleted_at` (not
 * selected), and `response_body` as any JSON value (an array or a string too), where the
 * model's json() type says an object.
 */
export type IdempotencyKeyRecord = Omit<
  InferTypeOf<typeof IdempotencyKey>,
  "deleted_at" | "response_body"
> & { response_body: unknown }

export type RecordResponseInput = {
  scope: string
  key: string
  fingerprint: string
  response_status: number
  /** Any JSON-serialisable value (serialised with JSON.stringify); null for no body. */
  response_body: unknown
  expires_at: Date
  /** Rows that expired at or before this instant may be overwritten. */
  now: Date
}

export type RecordResponseResult = {
  /** The row written, or null when a live row for the scope and key already exists. */
  written: IdempotencyKeyRecord | null
  /** The expired row that was overwritten, if any. */
  previous: IdempotencyKeyRecord | null
}
