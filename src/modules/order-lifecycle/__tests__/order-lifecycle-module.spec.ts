import { moduleIntegrationTestRunner } from "@medusajs/test-utils"
import { MedusaError } from "@medusajs/framework/utils"
import { ORDER_LIFECYCLE_MODULE } from ".."
import { OrderLifecycle } from "../models/order-lifecycle"
import { OrderStatusChange } from "../models/order-status-change"
import type OrderLifecycleModuleService from "../service"

jest.setTimeout(60000)

const customer = { type: "customer" as const, id: "cus_1" }
const admin = { type: "admin" as const, id: "user_1" }

// Like every database-backed module test, it needs NODE_OPTIONS=--experimental-vm-modules
// (set by `npm run test:integration:modules` and `npm test`).
moduleIntegrationTestRunner<OrderLifecycleModuleService>({
  moduleName: ORDER_LIFECYCLE_MODULE,
  moduleModels: [OrderLifecycle, OrderStatusChange],
  resolve: "./src/modules/order-lifecycle",
  testSuite: ({ service, MikroOrmWrapper }) => {
    const hold = new Date(Date.now() + 15 * 60_000)

    const place = (order_id = "order_1") =>
      service.createLifecycleWithHistory({
        order_id,
        customer_id: "cus_1",
        hold_expires_at: hold,
        actor: customer,
        note: "Checked out",
      })

    /** The order's status and hold, and its history as [from, to], read together. */
    async function stateOf(order_id = "order_1") {
      const [lifecycle] = await service.listOrderLifecycles({ order_id })
      const history = await service.listOrderStatusChanges(
        { order_id },
        { order: { created_at: "ASC", id: "ASC" } }
      )
      return {
        status: lifecycle.status,
        hold_expires_at: lifecycle.hold_expires_at,
        history: history.map((change) => [change.from_status, change.to_status]),
      }
    }

    /**
     * Makes the next insert of a history entry run `body` (PL/pgSQL) first: the entry is
     * written after the lifecycle's update, inside the same transaction.
     */
    async function beforeHistoryInsert(body: string) {
      const sql = MikroOrmWrapper.forkManager()
      await sql.execute(
        `create function test_before_history() returns trigger language plpgsql as $$
         begin ${body} return new; end $$`
      )
      await sql.execute(
        `create trigger test_before_history before insert on order_status_change
         for each row execute function test_before_history()`
      )
    }

    it("creates the lifecycle and its first history entry together", async () => {
      const { lifecycle, change } = await place()
      expect(lifecycle).toMatchObject({ order_id: "order_1", status: "pending" })
      expect(change).toMatchObject({
        order_id: "order_1",
        from_status: null,
        to_status: "pending",
        actor_type: "customer",
        actor_id: "cus_1",
        note: "Checked out",
      })
      expect(await stateOf()).toEqual({
        status: "pending",
        hold_expires_at: hold,
        history: [[null, "pending"]],
      })

      await service.deleteLifecycleWithHistory({ lifecycle_id: lifecycle.id, change_id: change.id })
      expect(await service.listOrderLifecycles({ order_id: "order_1" })).toEqual([])
      expect(await service.listOrderStatusChanges({ order_id: "order_1" })).toEqual([])
    })

    it("moves the status and appends its entry, and undoes both", async () => {
      const { lifecycle } = await place()
      const moved = await service.moveStatus({
        lifecycle_id: lifecycle.id,
        from: "pending",
        to: "paid",
        hold_expires_at: null,
        actor: admin,
        note: "Paid by bank transfer",
      })
      expect(moved.lifecycle).toMatchObject({ id: lifecycle.id, status: "paid" })
      expect(moved.change).toMatchObject({
        order_id: "order_1",
        from_status: "pending",
        to_status: "paid",
        actor_type: "admin",
        actor_id: "user_1",
        note: "Paid by bank transfer",
      })
      // The answer is what was written (it is built from the one statement's result).
      const [stored] = await service.listOrderStatusChanges({ id: moved.change.id })
      expect(moved.change).toEqual({ ...stored, created_at: expect.any(Date) })
      expect(moved.change.seq).toBe(stored.seq)
      const [storedLifecycle] = await service.listOrderLifecycles({ id: lifecycle.id })
      expect(moved.lifecycle).toMatchObject({
        id: storedLifecycle.id,
        order_id: storedLifecycle.order_id,
        customer_id: "cus_1",
        status: "paid",
        hold_expires_at: null,
        created_at: storedLifecycle.created_at,
      })
      expect(moved.undo).toEqual({
        lifecycle_id: lifecycle.id,
        change_id: moved.change.id,
        status: "pending",
        hold_expires_at: hold,
      })
      expect(await stateOf()).toEqual({
        status: "paid",
        hold_expires_at: null,
        history: [
          [null, "pending"],
          ["pending", "paid"],
        ],
      })

      // As the workflow engine hands it back: dates as ISO text.
      await service.undoStatusMove(JSON.parse(JSON.stringify(moved.undo)))
      expect(await stateOf()).toEqual({
        status: "pending",
        hold_expires_at: hold,
        history: [[null, "pending"]],
      })
    })

    it("leaves the status unchanged when its history entry cannot be written", async () => {
      const { lifecycle } = await place()
      await beforeHistoryInsert(`raise exception 'history insert failed';`)
      await expect(
        service.moveStatus({
          lifecycle_id: lifecycle.id,
          to: "cancelled",
          hold_expires_at: null,
          actor: admin,
        })
      ).rejects.toThrow("history insert failed")
      // The lifecycle's update ran before the failing insert: it was rolled back with it.
      expect(await stateOf()).toEqual({
        status: "pending",
        hold_expires_at: hold,
        history: [[null, "pending"]],
      })
    })

    it("creates no lifecycle when its first entry cannot be written", async () => {
      await beforeHistoryInsert(`raise exception 'history insert failed';`)
      await expect(place()).rejects.toThrow("history insert failed")
      expect(await service.listOrderLifecycles({ order_id: "order_1" })).toEqual([])
    })

    it("keeps the entry when the undo cannot restore the status", async () => {
      const { lifecycle } = await place()
      const { undo } = await service.moveStatus({
        lifecycle_id: lifecycle.id,
        to: "paid",
        hold_expires_at: null,
        actor: admin,
      })
      const sql = MikroOrmWrapper.forkManager()
      await sql.execute(
        `create function test_refuse_update() returns trigger language plpgsql as $$
         begin raise exception 'lifecycle update failed'; end $$`
      )
      await sql.execute(
        `create trigger test_refuse_update before update on order_lifecycle
         for each row execute function test_refuse_update()`
      )
      // The entry's delete runs first, then the update fails: both are rolled back.
      await expect(service.undoStatusMove(undo)).rejects.toThrow("lifecycle update failed")
      expect(await stateOf()).toEqual({
        status: "paid",
        hold_expires_at: null,
        history: [
          [null, "pending"],
          ["pending", "paid"],
        ],
      })
    })

    it("shows a reader the new status only with its entry", async () => {
      const { lifecycle } = await place()
      // The entry's insert waits for a lock this test holds, so the move is caught between
      // its two writes.
      await beforeHistoryInsert(`perform pg_advisory_xact_lock(4242);`)
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let lockTaken = () => {}
      const taken = new Promise<void>((resolve) => (lockTaken = resolve))
      const holder = MikroOrmWrapper.forkManager().transactional(async (tx) => {
        await tx.execute("select pg_advisory_xact_lock(4242)")
        lockTaken()
        await held
      })
      await taken
      const moving = service.moveStatus({
        lifecycle_id: lifecycle.id,
        to: "paid",
        hold_expires_at: null,
        actor: admin,
      })
      let between: Awaited<ReturnType<typeof stateOf>>
      try {
        await waitUntilBlocked(4242)
        between = await stateOf()
      } finally {
        // Released whatever happened, or the schema's teardown would wait for the move.
        release()
        await holder
      }
      // While the insert waited, the lifecycle's update was not committed either.
      expect(between).toEqual({
        status: "pending",
        hold_expires_at: hold,
        history: [[null, "pending"]],
      })
      await moving
      expect(await stateOf()).toMatchObject({
        status: "paid",
        history: [
          [null, "pending"],
          ["pending", "paid"],
        ],
      })
    })

    it("refuses a move from a status the order has left (409), even when racing", async () => {
      const { lifecycle } = await place()
      const from = { lifecycle_id: lifecycle.id, from: "pending" as const, actor: admin }
      const results = await Promise.allSettled([
        service.moveStatus({ ...from, to: "paid", hold_expires_at: null }),
        service.moveStatus({ ...from, to: "cancelled", hold_expires_at: null }),
      ])
      const refused = results.filter((result) => result.status === "rejected")
      expect(refused).toHaveLength(1)
      expect(refused[0]).toMatchObject({ reason: { type: MedusaError.Types.CONFLICT } })
      const { status, history } = await stateOf()
      expect(history).toEqual([
        [null, "pending"],
        ["pending", status],
      ])
    })

    it("serialises moves that expect no status: each entry's from is the status the other left", async () => {
      const { lifecycle } = await place()
      const move = { lifecycle_id: lifecycle.id, hold_expires_at: null, actor: admin }
      const [toPaid, toCancelled] = await Promise.all([
        service.moveStatus({ ...move, to: "paid" }),
        service.moveStatus({ ...move, to: "cancelled" }),
      ])
      const [first, second] = [toPaid.change, toCancelled.change].sort((a, b) => a.seq - b.seq)
      expect(first.from_status).toBe("pending")
      expect(second.from_status).toBe(first.to_status)
      const { status, history } = await stateOf()
      expect(status).toBe(second.to_status)
      expect(history).toHaveLength(3)
    })

    it("writes neither row when the lifecycle cannot be made (one statement, all or nothing)", async () => {
      const { lifecycle, change } = await place()
      expect(change.seq).toBeDefined()
      await expect(place()).rejects.toThrow()
      expect(await service.listOrderLifecycles({ order_id: "order_1" })).toEqual([
        expect.objectContaining({ id: lifecycle.id }),
      ])
      expect(await service.listOrderStatusChanges({ order_id: "order_1" })).toEqual([
        expect.objectContaining({ id: change.id }),
      ])
    })

    it("numbers history entries in commit order, so a reader after N misses nothing", async () => {
      const a = (await place("order_a")).lifecycle
      const b = (
        await service.createLifecycleWithHistory({
          order_id: "order_b",
          customer_id: "cus_2",
          hold_expires_at: hold,
          actor: { type: "customer", id: "cus_2" },
        })
      ).lifecycle
      const start = await service.latestHistorySeq()
      // Order A's entry takes its number, then waits (inside its transaction) for a lock
      // this test holds; order B's move must wait behind it instead of committing first.
      await beforeHistoryInsert(
        `if new.order_id = 'order_a' then perform pg_advisory_xact_lock(4243); end if;`
      )
      let release = () => {}
      const held = new Promise<void>((resolve) => (release = resolve))
      let lockTaken = () => {}
      const taken = new Promise<void>((resolve) => (lockTaken = resolve))
      const holder = MikroOrmWrapper.forkManager().transactional(async (tx) => {
        await tx.execute("select pg_advisory_xact_lock(4243)")
        lockTaken()
        await held
      })
      await taken
      const paid = { to: "paid" as const, hold_expires_at: null, actor: admin }
      const movingA = service.moveStatus({ lifecycle_id: a.id, ...paid })
      let seenMeanwhile: unknown[]
      try {
        await waitUntilBlocked(4243)
        const movingB = service.moveStatus({ lifecycle_id: b.id, ...paid })
        const [{ objid }] = await MikroOrmWrapper.forkManager().execute(
          `select (hashtext('order_status_change.seq')::bigint & 4294967295) as objid`
        )
        await waitUntilBlocked(Number(objid))
        seenMeanwhile = await service.listHistoryFeed({ after: start, limit: 10 })
        release()
        await Promise.all([movingA, movingB])
      } finally {
        release()
        await holder
      }
      expect(seenMeanwhile).toEqual([])

      const feed = await service.listHistoryFeed({ after: start, limit: 10 })
      expect(feed.map((entry) => entry.order_id)).toEqual(["order_a", "order_b"])
      expect(feed[0].seq).toBeLessThan(feed[1].seq)
      expect(feed[1]).toMatchObject({
        customer_id: "cus_2",
        from_status: "pending",
        to_status: "paid",
      })
      expect(await service.latestHistorySeq()).toBe(feed[1].seq)

      // Filters: one customer's orders, one order, one target status; bounded by limit.
      const mine = await service.listHistoryFeed({ after: 0, customer_id: "cus_1", limit: 10 })
      expect(mine.map((entry) => [entry.order_id, entry.to_status])).toEqual([
        ["order_a", "pending"],
        ["order_a", "paid"],
      ])
      const oneOrder = await service.listHistoryFeed({ after: 0, order_id: "order_b", limit: 1 })
      expect(oneOrder.map((entry) => entry.to_status)).toEqual(["pending"])
      const toPaid = await service.listHistoryFeed({ after: 0, to_status: "paid", limit: 10 })
      expect(toPaid.map((entry) => entry.order_id)).toEqual(["order_a", "order_b"])
    })

    it("is a not-found for an unknown lifecycle", async () => {
      await expect(
        service.moveStatus({
          lifecycle_id: "olc_unknown",
          to: "paid",
          hold_expires_at: null,
          actor: admin,
        })
      ).rejects.toMatchObject({ type: MedusaError.Types.NOT_FOUND })
    })

    /** Waits until some session waits for the advisory lock `key`. */
    async function waitUntilBlocked(key: number) {
      const sql = MikroOrmWrapper.forkManager()
      for (let tries = 0; tries < 100; tries++) {
        const rows = await sql.execute(
          `select 1 from pg_locks
            where locktype = 'advisory' and objid = ? and not granted`,
          [key]
        )
        if (rows.length) {
          return
        }
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
      throw new Error(`nobody waited for advisory lock ${key}`)
    }
  },
})
