export type IdempotencyKeyRecord = {
  id: string
  scope: string
  key: string
  fingerprint: string
  response_status: number
  response_body: unknown
  expires_at: Date
  created_at: Date
  updated_at: Date
}

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
