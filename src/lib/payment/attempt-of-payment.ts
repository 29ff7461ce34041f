import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { PAYMENT_LEDGER_MODULE } from "../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../modules/payment-ledger/service"
import type { PaymentAttemptRecord } from "../../modules/payment-ledger/types"

/** The engine's attempt behind a Medusa payment (through its session), or null. */
export async function findAttemptOfPayment(
  container: MedusaContainer,
  paymentId: string
): Promise<PaymentAttemptRecord | null> {
  const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
    entity: "payment",
    fields: ["id", "payment_session.id"],
    filters: { id: paymentId },
  })
  const sessionId = (data[0] as { payment_session?: { id: string } | null } | undefined)
    ?.payment_session?.id
  if (!sessionId) {
    return null
  }
  const [attempt] = (await container
    .resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    .listPaymentAttempts(
      { session_id: sessionId },
      { take: 1 }
    )) as unknown as PaymentAttemptRecord[]
  return attempt ?? null
}
