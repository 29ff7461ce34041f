import type { EntityManager } from "@medusajs/framework/mikro-orm/knex"
import type { Context, InferTypeOf } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaError,
  generateEntityId,
  MedusaService,
} from "@medusajs/framework/utils"
import { OrderLifecycle } from "./models/order-lifecycle"
import { OrderStatusChange } from "./models/order-status-change"
import type { OrderStatus, StatusActor } from "./types"

type LifecycleRow = InferTypeOf<typeof OrderLifecycle>
type StatusChangeRow = InferTypeOf<typeof OrderStatusChange>

/**
 * History entries take their `seq` and commit one after the other under one advisory lock
 * (`history_order` below), so `seq` order is commit order: a live-stream client that saw
 * entry N and resumes with `seq > N` cannot miss an entry with a smaller number committed
 * after N. Each statement that inserts an entry takes the lock in a CTE before its row (and
 * so its `seq`) is made; it is held until the statement's transaction commits, which is at
 * once: both statements below run on their own.
 *
 * A status move in one statement (atomic on its own, like CREATE_WITH_HISTORY_SQL):
 * - `current` locks the live lifecycle row until the transaction ends. A concurrent move
 *   waits here and then reads the status that move left, so the history's `from_status` is
 *   the status replaced.
 * - `allowed` is that row when the caller's expected status (`from`, null for any) still
 *   holds; otherwise nothing is written and the caller answers a conflict.
 * - The history-order lock is taken from `allowed`, so always after the row lock (the order
 *   the two-statement version took them in), and held until the commit that follows.
 * The answer is one row while the lifecycle exists: the status it had and, when the move
 * was allowed, the updated row and the new entry.
 */
const MOVE_STATUS_SQL = `
with current as (
  select "id", "order_id", "status", "hold_expires_at"
    from "order_lifecycle"
   where "id" = ? and "deleted_at" is null
     for update
),
allowed as (
  select * from current where ?::text is null or "status" = ?::text
),
history_order as (
  select pg_advisory_xact_lock(hashtext('order_status_change.seq')) from allowed
),
moved as (
  update "order_lifecycle" l
     set "status" = ?, "hold_expires_at" = ?::timestamptz, "updated_at" = ?
    from allowed
   where l."id" = allowed."id"
  returning l."id", l."order_id", l."customer_id", l."status", l."hold_expires_at",
    l."created_at", l."updated_at", l."deleted_at"
),
change as (
  insert into "order_status_change"
    ("id", "order_id", "from_status", "to_status", "actor_type", "actor_id", "note",
     "created_at", "updated_at")
  select ?, allowed."order_id", allowed."status", ?, ?, ?, ?, ?, ?
    from allowed, history_order
  returning "id", "seq", "order_id", "from_status", "to_status", "actor_type", "actor_id",
    "note", "created_at", "updated_at", "deleted_at"
)
select current."order_id", current."status" as "previous_status",
       current."hold_expires_at" as "previous_hold_expires_at",
       moved."customer_id", moved."hold_expires_at", moved."created_at" as "lifecycle_created_at",
       change."id" as "change_id", change."seq"
  from current left join moved on true left join change on true`

/** Null `change_id` (and lifecycle columns): the move was not allowed. */
type MovedRow = Pick<LifecycleRow, "order_id" | "customer_id" | "hold_expires_at"> & {
  previous_status: OrderStatus
  previous_hold_expires_at: Date | null
  lifecycle_created_at: Date | null
  change_id: string | null
  seq: number | null
}

/**
 * A new order's lifecycle row and its first history entry in one statement: the history
 * entry's insert reads the lifecycle's (so it follows it, and neither is written when the
 * lifecycle's fails, e.g. a second lifecycle for one order) and takes the history-order
 * lock first, as MOVE_STATUS_SQL does.
 */
const CREATE_WITH_HISTORY_SQL = `
with history_order as (select pg_advisory_xact_lock(hashtext('order_status_change.seq'))),
lifecycle as (
  insert into "order_lifecycle"
    ("id", "order_id", "customer_id", "status", "hold_expires_at", "created_at", "updated_at")
  values (?, ?, ?, 'pending', ?, ?, ?)
  returning "id", "order_id", "customer_id", "hold_expires_at"
),
change as (
  insert into "order_status_change"
    ("id", "order_id", "from_status", "to_status", "actor_type", "actor_id", "note",
     "created_at", "updated_at")
  select ?, lifecycle."order_id", null, 'pending', ?, ?, ?, ?, ?
    from history_order, lifecycle
  returning "id", "seq", "actor_type", "actor_id", "note"
)
select lifecycle."id" as "lifecycle_id", lifecycle."order_id", lifecycle."customer_id",
       lifecycle."hold_expires_at", change."id" as "change_id", change."seq",
       change."actor_type", change."actor_id", change."note"
  from lifecycle, change`

type CreatedWithHistoryRow = Pick<LifecycleRow, "order_id" | "customer_id" | "hold_expires_at"> &
  Pick<StatusChangeRow, "seq" | "actor_type" | "actor_id" | "note"> & {
    lifecycle_id: string
    change_id: string
  }

export type NewLifecycle = {
  order_id: string
  customer_id: string | null
  /** Null for an order whose stock Medusa reserved itself (no hold to expire). */
  hold_expires_at: Date | null
  actor: StatusActor
  note?: string | null
}

export type StatusMove = {
  lifecycle_id: string
  to: OrderStatus
  /** The status the caller checked the move against: any other is a conflict. */
  from?: OrderStatus
  hold_expires_at: Date | null
  actor: StatusActor
  note?: string | null
}

/** Which history entries a live-stream reader may see (docs/LIVE-UPDATES.md). */
export type HistoryFeedFilter = {
  /** Entries after this position (`seq`). */
  after: number
  /** One order's entries. */
  order_id?: string
  /** Entries of this customer's orders. */
  customer_id?: string
  /** Only moves to this status. */
  to_status?: OrderStatus
  limit: number
}

/** A history entry with the customer of its order, as the live stream sends it. */
export type HistoryFeedEntry = Pick<
  StatusChangeRow,
  "id" | "seq" | "order_id" | "from_status" | "to_status" | "actor_type" | "actor_id" | "note"
> & { customer_id: string | null; created_at: Date }

/** What a move replaced, to put back (`undoStatusMove`). */
export type StatusMoveUndo = {
  lifecycle_id: string
  change_id: string
  status: OrderStatus
  /** A Date, or its ISO text once a workflow engine has stored it between the two. */
  hold_expires_at: Date | string | null
}

/**
 * The spec's order statuses and their history. Besides the generated CRUD, the status and
 * its history entry are written in one transaction (each method below), so no reader
 * sees a status without its entry and no failure leaves one without the other. The rules
 * (which moves are legal, what each does to Medusa's order) live in src/workflows/order.
 */
export default class OrderLifecycleModuleService extends MedusaService({
  OrderLifecycle,
  OrderStatusChange,
}) {
  /**
   * A new order's lifecycle row, pending, and the first entry of its history, in one
   * statement (atomic on its own: no transaction to open and commit around it, the hot
   * path of every checkout). Timestamps are set here rather than by the database's
   * defaults, so the rows returned carry them (a checkout answers with them).
   */
  @InjectManager()
  async createLifecycleWithHistory(
    input: NewLifecycle,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ lifecycle: LifecycleRow; change: StatusChangeRow }> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as EntityManager
    const now = new Date()
    const [row] = (await manager.execute(CREATE_WITH_HISTORY_SQL, [
      generateEntityId(undefined, "olc"),
      input.order_id,
      input.customer_id,
      input.hold_expires_at,
      now,
      now,
      generateEntityId(undefined, "osc"),
      input.actor.type,
      input.actor.id ?? null,
      input.note ?? null,
      now,
      now,
    ])) as CreatedWithHistoryRow[]
    return {
      lifecycle: {
        id: row.lifecycle_id,
        order_id: row.order_id,
        customer_id: row.customer_id,
        status: "pending",
        hold_expires_at: row.hold_expires_at,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      } as LifecycleRow,
      change: {
        id: row.change_id,
        seq: row.seq,
        order_id: row.order_id,
        from_status: null,
        to_status: "pending",
        actor_type: row.actor_type,
        actor_id: row.actor_id,
        note: row.note,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      } as StatusChangeRow,
    }
  }

  /** Undoes `createLifecycleWithHistory`: the row and its entry go together. */
  @InjectTransactionManager()
  async deleteLifecycleWithHistory(
    ids: { lifecycle_id: string; change_id: string },
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await this.deleteOrderStatusChanges(ids.change_id, sharedContext)
    await this.deleteOrderLifecycles(ids.lifecycle_id, sharedContext)
  }

  /**
   * Moves the order to `move.to` and appends the change to its history, in one statement
   * (MOVE_STATUS_SQL: no transaction to open and commit around it, on every payment
   * confirmation and admin move). Answers the new row, the entry, and what the move
   * replaced (for `undoStatusMove`).
   */
  @InjectManager()
  async moveStatus(
    move: StatusMove,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<{ lifecycle: LifecycleRow; change: StatusChangeRow; undo: StatusMoveUndo }> {
    const manager = (sharedContext.transactionManager ?? sharedContext.manager) as EntityManager
    const now = new Date()
    const entry = {
      id: generateEntityId(undefined, "osc"),
      actor_type: move.actor.type,
      actor_id: move.actor.id ?? null,
      note: move.note ?? null,
    }
    const [row] = (await manager.execute(MOVE_STATUS_SQL, [
      move.lifecycle_id,
      move.from ?? null,
      move.from ?? null,
      move.to,
      move.hold_expires_at,
      now,
      entry.id,
      move.to,
      entry.actor_type,
      entry.actor_id,
      entry.note,
      now,
      now,
    ])) as MovedRow[]
    if (!row) {
      throw new MedusaError(
        MedusaError.Types.NOT_FOUND,
        `Order lifecycle ${move.lifecycle_id} was not found`
      )
    }
    if (row.change_id === null || row.seq === null) {
      throw new MedusaError(
        MedusaError.Types.CONFLICT,
        `Order ${row.order_id} is ${row.previous_status}, no longer ${move.from}`
      )
    }
    const lifecycle = {
      id: move.lifecycle_id,
      order_id: row.order_id,
      customer_id: row.customer_id,
      status: move.to,
      hold_expires_at: row.hold_expires_at,
      created_at: row.lifecycle_created_at,
      updated_at: now,
      deleted_at: null,
    } as LifecycleRow
    const change = {
      ...entry,
      seq: row.seq,
      order_id: row.order_id,
      from_status: row.previous_status,
      to_status: move.to,
      created_at: now,
      updated_at: now,
      deleted_at: null,
    } as StatusChangeRow
    const undo = {
      lifecycle_id: move.lifecycle_id,
      change_id: entry.id,
      status: row.previous_status,
      hold_expires_at: row.previous_hold_expires_at,
    }
    return { lifecycle, change, undo }
  }

  /** Undoes `moveStatus`: the previous status and hold come back, the entry goes. */
  @InjectTransactionManager()
  async undoStatusMove(
    undo: StatusMoveUndo,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<void> {
    await this.deleteOrderStatusChanges(undo.change_id, sharedContext)
    await this.updateOrderLifecycles(
      {
        id: undo.lifecycle_id,
        status: undo.status,
        hold_expires_at: undo.hold_expires_at ? new Date(undo.hold_expires_at) : null,
      },
      sharedContext
    )
  }

  /**
   * History entries after `filter.after`, in `seq` order, at most `filter.limit`: what a
   * live-stream client missed or has not been sent yet. One indexed read (`seq`, or the
   * order's entries), joined to the lifecycle for the order's customer.
   */
  @InjectManager()
  async listHistoryFeed(
    filter: HistoryFeedFilter,
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<HistoryFeedEntry[]> {
    const knex = (sharedContext.manager as EntityManager).getKnex()
    const query = knex("order_status_change as c")
      .join("order_lifecycle as l", "l.order_id", "c.order_id")
      .whereNull("c.deleted_at")
      .whereNull("l.deleted_at")
      .where("c.seq", ">", filter.after)
      .orderBy("c.seq", "asc")
      .limit(filter.limit)
      .select(
        "c.id",
        "c.seq",
        "c.order_id",
        "c.from_status",
        "c.to_status",
        "c.actor_type",
        "c.actor_id",
        "c.note",
        "c.created_at",
        "l.customer_id"
      )
    if (filter.order_id) {
      query.where("c.order_id", filter.order_id)
    }
    if (filter.customer_id) {
      query.where("l.customer_id", filter.customer_id)
    }
    if (filter.to_status) {
      query.where("c.to_status", filter.to_status)
    }
    return (await query) as HistoryFeedEntry[]
  }

  /** The newest history position: where a live stream without `Last-Event-ID` starts. */
  @InjectManager()
  async latestHistorySeq(
    @MedusaContext() sharedContext: Context<EntityManager> = {}
  ): Promise<number> {
    const knex = (sharedContext.manager as EntityManager).getKnex()
    const [row] = (await knex("order_status_change").max({ seq: "seq" })) as {
      seq: number | null
    }[]
    return Number(row?.seq ?? 0)
  }
}
