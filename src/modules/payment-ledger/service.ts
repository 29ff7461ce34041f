import { MedusaService } from "@medusajs/framework/utils"
import { PaymentAttempt } from "./models/payment-attempt"
import { PaymentWebhookEvent } from "./models/payment-webhook-event"
import { ReconciliationFinding } from "./models/reconciliation-finding"

/**
 * The engine's record of payments: every attempt to pay an order (a Medusa payment
 * session, with its owner and last known outcome), the provider events received, and what
 * the reconciliation job found. Only the generated CRUD: the rules live in
 * src/workflows/payment.
 */
export default class PaymentLedgerModuleService extends MedusaService({
  PaymentAttempt,
  PaymentWebhookEvent,
  ReconciliationFinding,
}) {}
