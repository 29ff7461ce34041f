import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { ContainerRegistrationKeys, MathBN } from "@medusajs/framework/utils"
import type { BigNumberInput } from "@medusajs/framework/types"
import { attemptStatusOfSession } from "../../../utils/payment/attempt-outcome"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type { PaymentAttemptRecord } from "../../../modules/payment-ledger/types"

type SessionRow = {
  id: string
  provider_id: string
  status: string
  amount: BigNumberInput
  currency_code: string
  data?: Record<string, unknown> | null
  payment?: { id: string } | null
}

type OrderRow = {
  payment_collections?: { id: string; payment_sessions?: SessionRow[] }[]
}

/**
 * Payment attempts for the sessions of an order placed through Medusa's own routes (its
 * cart was paid before the engine saw it), so they appear in the payment history and
 * captures made later settle the order. Sessions already recorded are skipped.
 * Compensation deletes the rows made here.
 */
export const recordOrderPaymentAttemptsStep = createStep(
  "payment-record-order-attempts",
  async (input: { order_id: string; customer_id: string | null }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "order",
      fields: [
        "payment_collections.id",
        "payment_collections.payment_sessions.id",
        "payment_collections.payment_sessions.provider_id",
        "payment_collections.payment_sessions.status",
        "payment_collections.payment_sessions.amount",
        "payment_collections.payment_sessions.currency_code",
        "payment_collections.payment_sessions.data",
        "payment_collections.payment_sessions.payment.id",
      ],
      filters: { id: input.order_id },
    })
    const collections = (data[0] as OrderRow | undefined)?.payment_collections ?? []
    const sessions = collections.flatMap((collection) =>
      (collection.payment_sessions ?? []).map((session) => ({ collection, session }))
    )
    if (!sessions.length) {
      return new StepResponse<string[], string[]>([], [])
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const known: Pick<PaymentAttemptRecord, "session_id">[] = await ledger.listPaymentAttempts(
      { session_id: sessions.map(({ session }) => session.id) },
      { select: ["session_id"] }
    )
    const recorded = new Set(known.map((attempt) => attempt.session_id))
    const fresh = sessions.filter(({ session }) => !recorded.has(session.id))
    if (!fresh.length) {
      return new StepResponse<string[], string[]>([], [])
    }
    const created = await ledger.createPaymentAttempts(
      fresh.map(({ collection, session }) => ({
        session_id: session.id,
        order_id: input.order_id,
        customer_id: input.customer_id,
        payment_collection_id: collection.id,
        provider_id: session.provider_id,
        amount: MathBN.convert(session.amount).toNumber(),
        currency_code: session.currency_code,
        status: session.payment ? "succeeded" : attemptStatusOfSession(session.status),
        payment_id: session.payment?.id ?? null,
        provider_reference: typeof session.data?.id === "string" ? session.data.id : null,
      }))
    )
    const ids = created.map((attempt) => attempt.id)
    return new StepResponse<string[], string[]>(ids, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) {
      return
    }
    await container
      .resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
      .deletePaymentAttempts(ids)
  }
)
