/** Events of the notification ledger. */
export const NotificationLedgerEvents = {
  /**
   * `{ alert_id }`: emitted with a delay after a low-stock crossing is recorded; its
   * subscriber sends the digest of every crossing gathered by then.
   */
  LOW_STOCK_DIGEST_REQUESTED: "notification.low_stock_digest_requested",
  /**
   * `{ job, attempt }`: a notification whose send failed, emitted with a delay (exponential
   * backoff) so its subscriber runs it again (src/tasks/notification/run-notification.ts).
   */
  RETRY_REQUESTED: "notification.retry_requested",
} as const

export type LowStockDigestRequestedData = { alert_id: string }
