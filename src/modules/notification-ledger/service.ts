import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { LowStockAlert } from "./models/low-stock-alert"
import { NotificationDelivery } from "./models/notification-delivery"
import type {
  DeliveryClaim,
  DeliveryStatus,
  LowStockAlertRecord,
  LowStockCrossing,
  NotificationDeliveryRecord,
} from "./types"

const DELIVERY_COLUMNS = `"id", "key", "status", "attempts", "claimed_at", "sent_at", "notification_id", "last_error", "created_at", "updated_at"`

/**
 * Inserts the claim, or takes over the row of the same key when its last attempt failed or
 * its claim is older than the lease; a sent row, or one another process is sending right
 * now, is left alone and nothing is returned. Concurrent claims of one key serialise on
 * the unique index, so exactly one of them gets the row.
 */
const CLAIM_DELIVERY_SQL = `
insert into "notification_delivery" ("id", "key", "status", "attempts", "claimed_at")
values (?, ?, 'sending', 1, ?)
on conflict ("key") where "deleted_at" is null do update
   set "status" = 'sending',
       "attempts" = "notification_delivery"."attempts" + 1,
       "claimed_at" = excluded."claimed_at",
       "updated_at" = now()
 where "notification_delivery"."status" = 'failed'
    or ("notification_delivery"."status" = 'sending' and "notification_delivery"."claimed_at" <= ?)
returning ${DELIVERY_COLUMNS}`

const DELIVERY_STATUS_SQL = `
select "status" from "notification_delivery" where "key" = ? and "deleted_at" is null`

const MARK_SENT_SQL = `
update "notification_delivery"
   set "status" = 'sent', "sent_at" = ?, "notification_id" = ?, "last_error" = null, "updated_at" = now()
 where "id" = ?`

const MARK_FAILED_SQL = `
update "notification_delivery"
   set "status" = 'failed', "last_error" = ?, "updated_at" = now()
 where "id" = ? and "status" = 'sending'`

const ALERT_COLUMNS = `"id", "crossing_key", "product_id", "stock_quantity", "threshold", "digest_id", "created_at", "updated_at"`

const RECORD_ALERT_SQL = `
insert into "low_stock_alert" ("id", "crossing_key", "product_id", "stock_quantity", "threshold")
values (?, ?, ?, ?, ?)
on conflict ("crossing_key") where "deleted_at" is null do nothing
returning ${ALERT_COLUMNS}`

/**
 * Digests are gathered one at a time. Crossings that happen together have their delayed
 * digest events fire together; if both claims ran at once, each would lock its own trigger
 * and then skip the other's as taken by another digest, sending two digests of one product.
 * Held until the claim's transaction ends; a constant key, nothing from input.
 */
const LOCK_DIGESTS_SQL = `select pg_advisory_xact_lock(hashtext('notification-ledger:low-stock-digest'))`

const LOCK_ALERT_SQL = `
select ${ALERT_COLUMNS} from "low_stock_alert" where "id" = ? and "deleted_at" is null for update`

/**
 * The trigger and up to `limit` waiting alerts, oldest first, join the trigger's digest.
 * Claims run one at a time (LOCK_DIGESTS_SQL); a row another writer holds is skipped, not
 * waited for, and goes out with its own event's digest.
 */
const CLAIM_PENDING_SQL = `
update "low_stock_alert"
   set "digest_id" = ?, "updated_at" = now()
 where "id" = ?
    or "id" in (select "id" from "low_stock_alert"
                 where "digest_id" is null and "deleted_at" is null
                 order by "created_at", "id"
                 limit ?
                   for update skip locked)`

const DIGEST_ROWS_SQL = `
select ${ALERT_COLUMNS} from "low_stock_alert"
 where "digest_id" = ? and "deleted_at" is null
 order by "created_at", "id"`

/**
 * The notification ledger: which messages went out for which cause (so an event delivered
 * twice sends nothing twice) and the low-stock crossings waiting for their digest.
 */
export default class NotificationLedgerModuleService extends MedusaService({
  NotificationDelivery,
  LowStockAlert,
}) {
  /**
   * Claims the message of `key` for sending. Without a claim, `status` says why: `sent`
   * already, or `sending` by another process that claimed it less than `leaseMs` ago.
   */
  @InjectManager()
  async claimDelivery(
    key: string,
    now: Date,
    leaseMs: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<DeliveryClaim> {
    const manager = sharedContext.manager as EntityManager
    const [row] = (await manager.execute(CLAIM_DELIVERY_SQL, [
      generateEntityId(undefined, "ndel"),
      key,
      now,
      new Date(now.getTime() - leaseMs),
    ])) as NotificationDeliveryRecord[]
    if (row) {
      return { claim: row, status: row.status }
    }
    const [current] = (await manager.execute(DELIVERY_STATUS_SQL, [key])) as {
      status: DeliveryStatus
    }[]
    // Gone between the two statements (deleted by hand): nothing to protect, say in flight
    // so the caller tries again later rather than never.
    return { claim: null, status: current?.status ?? "sending" }
  }

  @InjectManager()
  async markDeliverySent(
    id: string,
    notificationId: string | null,
    now: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.manager as EntityManager
    await manager.execute(MARK_SENT_SQL, [now, notificationId, id])
  }

  /** Gives a claim up after a failed send, so the next attempt may claim it at once. */
  @InjectManager()
  async markDeliveryFailed(
    id: string,
    error: string,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.manager as EntityManager
    await manager.execute(MARK_FAILED_SQL, [error.slice(0, 2000), id])
  }

  /** Records crossings; returns the ones that were new (a redelivered crossing is not). */
  @InjectTransactionManager()
  async recordLowStockAlerts(
    crossings: LowStockCrossing[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<LowStockAlertRecord[]> {
    const manager = sharedContext.transactionManager as EntityManager
    const recorded: LowStockAlertRecord[] = []
    for (const crossing of crossings) {
      const rows = (await manager.execute(RECORD_ALERT_SQL, [
        generateEntityId(undefined, "lsa"),
        crossing.crossing_key,
        crossing.product_id,
        crossing.stock_quantity,
        crossing.threshold,
      ])) as LowStockAlertRecord[]
      recorded.push(...rows)
    }
    return recorded
  }

  /**
   * The alerts of the digest named after `triggerId`. The first call gathers the trigger
   * and up to `limit` other waiting alerts into it; later calls (a retried event) return
   * the same digest. Empty when another digest took the trigger along.
   */
  @InjectTransactionManager()
  async claimLowStockDigest(
    triggerId: string,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<LowStockAlertRecord[]> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(LOCK_DIGESTS_SQL)
    const [trigger] = (await manager.execute(LOCK_ALERT_SQL, [triggerId])) as LowStockAlertRecord[]
    if (!trigger) {
      return []
    }
    if (trigger.digest_id === null) {
      await manager.execute(CLAIM_PENDING_SQL, [triggerId, triggerId, limit])
    } else if (trigger.digest_id !== triggerId) {
      return []
    }
    return (await manager.execute(DIGEST_ROWS_SQL, [triggerId])) as LowStockAlertRecord[]
  }
}
