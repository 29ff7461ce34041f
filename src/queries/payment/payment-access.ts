import type { MedusaContainer } from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
import type { Actor } from "../../utils/actor"
import type { Page } from "../../utils/pagination"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import type { PaymentAttemptRecord } from "../../modules/payment-ledger/types"
import { loadPaymentViews, type PaymentView } from "./payment-view"

function ledgerOf(container: MedusaContainer): PaymentLedgerModuleService {
  return container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
}

/** An attempt the actor may see: their own, or any for an admin. Anything else is a 404. */
export async function findAttemptFor(
  container: MedusaContainer,
  actor: Actor,
  id: string
): Promise<PaymentAttemptRecord> {
  const [attempt] = await ledgerOf(container).listPaymentAttempts({ id }, { take: 1 })
  if (!attempt || (actor.role === "customer" && attempt.customer_id !== actor.id)) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment ${id} was not found`)
  }
  return attempt
}

export async function loadPaymentFor(
  container: MedusaContainer,
  actor: Actor,
  id: string
): Promise<PaymentView> {
  const attempt = await findAttemptFor(container, actor, id)
  const [view] = await loadPaymentViews(container, [attempt])
  return view
}

/** The view of the attempt behind a Medusa payment session (checkout's answer). */
export async function loadPaymentOfSession(
  container: MedusaContainer,
  sessionId: string
): Promise<PaymentView> {
  const [attempt] = await ledgerOf(container).listPaymentAttempts(
    { session_id: sessionId },
    { take: 1 }
  )
  if (!attempt) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `No payment for session ${sessionId}`)
  }
  const [view] = await loadPaymentViews(container, [attempt])
  return view
}

export type PaymentListFilters = { customer_id?: string; order_id?: string }

/** A page of payments, newest first: a customer's own, or any for an admin. */
export async function listPayments(
  container: MedusaContainer,
  filters: PaymentListFilters,
  page: Page
): Promise<{ items: PaymentView[]; count: number }> {
  const where: Record<string, string> = {}
  if (filters.customer_id) {
    where.customer_id = filters.customer_id
  }
  if (filters.order_id) {
    where.order_id = filters.order_id
  }
  const [attempts, count] = await ledgerOf(container).listAndCountPaymentAttempts(where, {
    skip: page.offset,
    take: page.limit,
    order: { created_at: "DESC", id: "DESC" },
  })
  return { items: await loadPaymentViews(container, attempts), count }
}
