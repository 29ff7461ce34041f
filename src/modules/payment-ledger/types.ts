import type { ATTEMPT_STATUSES } from "./models/payment-attempt"
import type { FINDING_KINDS, FINDING_RESOLUTIONS } from "./models/reconciliation-finding"

export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number]
export type FindingKind = (typeof FINDING_KINDS)[number]
export type FindingResolution = (typeof FINDING_RESOLUTIONS)[number]

export type PaymentAttemptRecord = {
  id: string
  session_id: string
  order_id: string
  customer_id: string | null
  payment_collection_id: string
  provider_id: string
  amount: number | string
  currency_code: string
  status: AttemptStatus
  payment_id: string | null
  provider_reference: string | null
  failure_code: string | null
  failure_message: string | null
  created_at: Date | string
  updated_at: Date | string
}

export type PaymentWebhookEventRecord = {
  id: string
  event_id: string
  type: string
  session_id: string | null
  deliveries: number
  processed_at: Date | string | null
  outcome: string | null
}

export type ReconciliationFindingRecord = {
  id: string
  kind: FindingKind
  order_id: string
  attempt_id: string | null
  resolution: FindingResolution
  detail: string
  last_seen_at: Date | string
  created_at: Date | string
}
