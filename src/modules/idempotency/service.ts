import type { Context } from "@medusajs/framework/types"
import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import {
  generateEntityId,
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import { IdempotencyKey } from "./models/idempotency-key"
import type { IdempotencyKeyRecord, RecordResponseInput, RecordResponseResult } from "./types"

const COLUMNS = `"id", "scope", "key", "fingerprint", "response_status", "response_body", "expires_at", "created_at", "updated_at"`

const FIND_LIVE_SQL = `
select ${COLUMNS}
  from "idempotency_key"
 where "scope" = ? and "key" = ? and "expires_at" > ? and "deleted_at" is null`

const LOCK_CURRENT_SQL = `
select ${COLUMNS}
  from "idempotency_key"
 where "scope" = ? and "key" = ? and "deleted_at" is null
   for update`

/**
 * Inserts the response, or overwrites the row of the same scope and key only when that
 * one has expired: a live row is never replaced (first writer wins), and then nothing is
 * returned.
 */
const UPSERT_SQL = `
insert into "idempotency_key"
       ("id", "scope", "key", "fingerprint", "response_status", "response_body", "expires_at")
values (?, ?, ?, ?, ?, ?::jsonb, ?)
on conflict ("scope", "key") where "deleted_at" is null do update
   set "fingerprint" = excluded."fingerprint",
       "response_status" = excluded."response_status",
       "response_body" = excluded."response_body",
       "expires_at" = excluded."expires_at",
       "created_at" = now(),
       "updated_at" = now()
 where "idempotency_key"."expires_at" <= ?
returning ${COLUMNS}`

const RESTORE_SQL = `
update "idempotency_key"
   set "fingerprint" = ?, "response_status" = ?, "response_body" = ?::jsonb,
       "expires_at" = ?, "created_at" = ?, "updated_at" = ?
 where "id" = ?`

/** Oldest first; rows another transaction is deleting are skipped, not waited for. */
const DELETE_EXPIRED_SQL = `
delete from "idempotency_key"
 where "id" in (select "id"
                  from "idempotency_key"
                 where "expires_at" <= ? and "deleted_at" is null
                 order by "expires_at"
                 limit ?
                   for update skip locked)
returning ${COLUMNS}`

/** Puts deleted rows back; a row whose scope and key were reused meanwhile stays gone. */
const REINSERT_SQL = `
insert into "idempotency_key"
       (${COLUMNS})
values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)
on conflict do nothing`

function toJsonParameter(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value)
}

/**
 * Remembered responses of requests sent with an Idempotency-Key. Besides the generated
 * CRUD (listIdempotencyKeys, deleteIdempotencyKeys, …): the live row of a scope and key,
 * the upsert that records a response (and its undo), and the purge of expired rows (and
 * its undo). The HTTP side is src/api/utils/idempotency.ts.
 */
export default class IdempotencyModuleService extends MedusaService({ IdempotencyKey }) {
  /** The unexpired row of this scope and key, if any. */
  @InjectManager()
  async findLiveKey(
    scope: string,
    key: string,
    now: Date,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IdempotencyKeyRecord | null> {
    const manager = sharedContext.manager as EntityManager
    const [row] = (await manager.execute(FIND_LIVE_SQL, [
      scope,
      key,
      now,
    ])) as IdempotencyKeyRecord[]
    return row ?? null
  }

  /**
   * Records a response for the scope and key: inserted, or written over an expired row.
   * Returns what was written and the expired row it replaced (for the undo).
   */
  @InjectTransactionManager()
  async recordResponse(
    input: RecordResponseInput,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<RecordResponseResult> {
    const manager = sharedContext.transactionManager as EntityManager
    const [current] = (await manager.execute(LOCK_CURRENT_SQL, [
      input.scope,
      input.key,
    ])) as IdempotencyKeyRecord[]
    const [written] = (await manager.execute(UPSERT_SQL, [
      generateEntityId(undefined, "idem"),
      input.scope,
      input.key,
      input.fingerprint,
      input.response_status,
      toJsonParameter(input.response_body),
      input.expires_at,
      input.now,
    ])) as IdempotencyKeyRecord[]
    return {
      written: written ?? null,
      previous: written && current ? current : null,
    }
  }

  /** Writes a row's earlier content back over it (undo of an overwrite). */
  @InjectTransactionManager()
  async restoreKey(
    row: IdempotencyKeyRecord,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    await manager.execute(RESTORE_SQL, [
      row.fingerprint,
      row.response_status,
      toJsonParameter(row.response_body),
      row.expires_at,
      row.created_at,
      row.updated_at,
      row.id,
    ])
  }

  /** Deletes up to `limit` rows that expired at or before `before`; returns them. */
  @InjectTransactionManager()
  async deleteExpiredKeys(
    before: Date,
    limit: number,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<IdempotencyKeyRecord[]> {
    const manager = sharedContext.transactionManager as EntityManager
    return (await manager.execute(DELETE_EXPIRED_SQL, [before, limit])) as IdempotencyKeyRecord[]
  }

  /** Inserts deleted rows again (undo of a purge). */
  @InjectTransactionManager()
  async reinsertKeys(
    rows: IdempotencyKeyRecord[],
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    const manager = sharedContext.transactionManager as EntityManager
    for (const row of rows) {
      await manager.execute(REINSERT_SQL, [
        row.id,
        row.scope,
        row.key,
        row.fingerprint,
        row.response_status,
        toJsonParameter(row.response_body),
        row.expires_at,
        row.created_at,
        row.updated_at,
      ])
    }
  }
}
