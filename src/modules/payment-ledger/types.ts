import type { InferTypeOf } from "@medusajs/framework/types"
import type { ATTEMPT_STATUSES, PaymentAttempt } from "./models/payment-attempt"
import type { PaymentWebhookEvent } from "./models/payment-webhook-event"
import type {
  FINDING_KINDS,
  FINDING_RESOLUTIONS,
  ReconciliationFinding,
} from "./models/reconciliation-finding"

export type AttemptStatus = (typeof ATTEMPT_STATUSES)[number]
export type FindingKind = (typeof FINDING_KINDS)[number]
export type FindingResolution = (typeof FINDING_RESOLUTIONS)[number]

/** What the generated service methods (listPaymentAttempts, createPaymentAttempts, …) return. */
export type PaymentAttemptRecord = InferTypeOf<typeof PaymentAttempt>
export type PaymentWebhookEventRecord = InferTypeOf<typeof PaymentWebhookEvent>
export type ReconciliationFindingRecord = InferTypeOf<typeof ReconciliationFinding>
