/** Events of the notification ledger. */
export const NotificationLedgerEvents = {
  /**
   * `{ alert_id }`: emitted with a delay after a low-stock crossing is recorded; its
   * subscriber sends the digest of every crossing gathered by then.
   */
  LOW_STOCK_DIGEST_REQUESTED: "notification.low_stock_digest_requested",
} as const

export type LowStockDigestRequestedData = { alert_id: string }
