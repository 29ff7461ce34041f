import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import {
  createShop,
  expectDatabaseUnavailable,
  otherDatabaseClient,
  useTestRedis,
  waitFor,
  type Shop,
} from "../helpers"

// Fault injection (docs/SECURITY.md, "Fault suite") on PostgreSQL, confined to this spec's
// own database: another client holds a row lock (a slow, contended database), and every
// connection of this database is terminated (what a restart does to the app's pool).
// Short time-outs so the test waits seconds, not the production defaults' tens of seconds.
// The statement time-out stays at its default (30 s): the time-outs are set on
// node-postgres' process-wide defaults, so they also bind the test runner's own client,
// whose DROP DATABASE and CREATE DATABASE … TEMPLATE before each test can take seconds on a
// busy machine; cancelled, they leave the database gone and the app's pool failing to
// connect in a loop. fault-postgres-relay.spec.ts proves the statement time-out.
useTestRedis()
process.env.DB_LOCK_TIMEOUT_MS = "1500"
process.env.DB_ACQUIRE_TIMEOUT_MS = "2000"

const anyStatus = { validateStatus: () => true }

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let shop: Shop

    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Fault kettle",
        price: "30.00",
        stock_quantity: 10,
      })
    })

    const rename = (name: string) =>
      api.put(
        `/products/${shop.product.id}`,
        { name },
        { headers: shop.admin.headers, ...anyStatus }
      )

    it("a row locked for longer than the lock time-out is a 503, changes nothing, and the same request works once it is free", async () => {
      const holder = await otherDatabaseClient(getContainer())
      try {
        await holder.query("begin")
        await holder.query("select id from product where id = $1 for update", [shop.product.id])
        expectDatabaseUnavailable(
          await rename("Renamed while locked"),
          "PUT /products/{id} behind a lock"
        )
        await holder.query("rollback")
      } finally {
        await holder.end()
      }
      expect((await api.get(`/products/${shop.product.id}`)).data.name).toBe("Fault kettle")
      const renamed = await rename("Renamed")
      expect(renamed.status).toBe(200)
      expect(renamed.data.name).toBe("Renamed")
    })

    it("a restart (every connection of the app terminated): no 500, and it works again without restarting the app", async () => {
      const admin = await otherDatabaseClient(getContainer())
      try {
        const { rows } = await admin.query(
          `select count(pg_terminate_backend(pid))::int as terminated from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid()`
        )
        expect(rows[0].terminated).toBeGreaterThan(0)
      } finally {
        await admin.end()
      }
      // The pool finds its connections dead: a request meeting one is a 503 (never a 500
      // or a hang); the pool replaces them, so the app recovers by itself.
      const during = await rename("During the restart")
      expect([200, 503]).toContain(during.status)
      if (during.status === 503) {
        expectDatabaseUnavailable(during, "PUT /products/{id} on a dead connection")
      }
      await waitFor(async () => (await api.get("/ready", anyStatus)).status === 200, 15_000)
      await waitFor(async () => (await rename("After the restart")).status === 200, 15_000)
      expect((await api.get(`/products/${shop.product.id}`)).data.name).toBe("After the restart")
    })
  },
})
