import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { PAYMENT_LEDGER_MODULE } from "../../../modules/payment-ledger"
import type PaymentLedgerModuleService from "../../../modules/payment-ledger/service"
import type {
  FindingKind,
  FindingResolution,
  ReconciliationFindingRecord,
} from "../../../modules/payment-ledger/types"

export type FindingInput = {
  kind: FindingKind
  order_id: string
  attempt_id: string | null
  resolution: FindingResolution
  detail: string
}

type FindingUndo = { created_id?: string; existing?: ReconciliationFindingRecord }

/**
 * Records a payment/order inconsistency, once per kind and order: found again, it is
 * updated (last seen, resolution, detail). Compensation restores or deletes the row.
 */
export const recordFindingStep = createStep(
  "payment-record-finding",
  async (input: FindingInput, { container }) => {
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    const [existing] = await ledger.listReconciliationFindings(
      { kind: input.kind, order_id: input.order_id },
      { take: 1 }
    )
    if (existing) {
      await ledger.updateReconciliationFindings({
        id: existing.id,
        ...input,
        last_seen_at: new Date(),
      })
      return new StepResponse<string, FindingUndo>(existing.id, { existing })
    }
    const created = await ledger.createReconciliationFindings({
      ...input,
      last_seen_at: new Date(),
    })
    return new StepResponse<string, FindingUndo>(created.id, { created_id: created.id })
  },
  async (undo: FindingUndo | undefined, { container }) => {
    if (!undo) {
      return
    }
    const ledger = container.resolve<PaymentLedgerModuleService>(PAYMENT_LEDGER_MODULE)
    if (undo.created_id) {
      await ledger.deleteReconciliationFindings(undo.created_id)
    } else if (undo.existing) {
      const { id, resolution, detail, attempt_id, last_seen_at } = undo.existing
      await ledger.updateReconciliationFindings({
        id,
        resolution,
        detail,
        attempt_id,
        last_seen_at: new Date(last_seen_at),
      })
    }
  }
)
