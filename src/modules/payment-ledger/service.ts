import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { BigNumberInput, Context } from "@medusajs/framework/types"
import {
  InjectManager,
  MathBN,
  MedusaContext,
  MedusaService,
  generateEntityId,
} from "@medusajs/framework/utils"
import { PaymentAttempt } from "./models/payment-attempt"
import { PaymentWebhookEvent } from "./models/payment-webhook-event"
import { ReconciliationFinding } from "./models/reconciliation-finding"
import type { PaymentAttemptRecord } from "./types"

/** A payment attempt for a session just opened: pending, as every attempt starts. */
export type NewPaymentAttempt = Pick<
  PaymentAttemptRecord,
  | "session_id"
  | "order_id"
  | "customer_id"
  | "payment_collection_id"
  | "provider_id"
  | "currency_code"
  | "provider_reference"
> & { amount: BigNumberInput }

/** Medusa's precision for a big number's raw value, as its `bigNumber` columns store it. */
const RAW_PRECISION = 20

const INSERT_ATTEMPT_SQL = `
insert into "payment_attempt"
  ("id", "session_id", "order_id", "customer_id", "payment_collection_id", "provider_id",
   "amount", "raw_amount", "currency_code", "status", "provider_reference",
   "created_at", "updated_at")
values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?)
returning *`

/**
 * The engine's record of payments: every attempt to pay an order (a Medusa payment
 * session, with its owner and last known outcome), the provider events received, and what
 * the reconciliation job found. The generated CRUD, and the insert every checkout makes in
 * one statement. The rules live in src/workflows/payment.
 */
export default class PaymentLedgerModuleService extends MedusaService({
  PaymentAttempt,
  PaymentWebhookEvent,
  ReconciliationFinding,
}) {
  /**
   * Records a new attempt in one statement (no transaction to open and commit around a
   * single insert: the hot path of every checkout), answering it as `createPaymentAttempts`
   * would: the amount as a number beside its raw value, timestamps as Dates.
   */
  @InjectManager()
  async recordNewAttempt(
    input: NewPaymentAttempt,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<PaymentAttemptRecord> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as EntityManager
    const amount = MathBN.convert(input.amount)
    const now = new Date()
    const [row] = (await manager.execute(INSERT_ATTEMPT_SQL, [
      generateEntityId(undefined, "payatt"),
      input.session_id,
      input.order_id,
      input.customer_id,
      input.payment_collection_id,
      input.provider_id,
      amount.toFixed(),
      JSON.stringify({ value: amount.toFixed(), precision: RAW_PRECISION }),
      input.currency_code,
      input.provider_reference,
      now,
      now,
    ])) as (Omit<PaymentAttemptRecord, "amount"> & { amount: string })[]
    return { ...row, amount: Number(row.amount) } as PaymentAttemptRecord
  }
}
