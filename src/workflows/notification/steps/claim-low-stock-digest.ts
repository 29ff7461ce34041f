import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { NOTIFICATION_LEDGER_MODULE } from "../../../modules/notification-ledger"
import type NotificationLedgerModuleService from "../../../modules/notification-ledger/service"

/** Products one digest lists at most; the rest go out in the digests of their own events. */
export const LOW_STOCK_DIGEST_LIMIT = 100

/**
 * Gathers the waiting crossings into the digest named after `alert_id` (or finds the digest
 * gathered by an earlier attempt of the same event). No compensation: the claim is the
 * digest's identity, and the event's retry must find the same digest to send it.
 */
export const claimLowStockDigestStep = createStep(
  "notification-claim-low-stock-digest",
  async (input: { alert_id: string }, { container }) => {
    const alerts = await container
      .resolve<NotificationLedgerModuleService>(NOTIFICATION_LEDGER_MODULE)
      .claimLowStockDigest(input.alert_id, LOW_STOCK_DIGEST_LIMIT)
    return new StepResponse(alerts)
  }
)
