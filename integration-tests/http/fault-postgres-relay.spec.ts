import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { AxiosRequestConfig, AxiosResponse } from "axios"
import {
  createCatalogProduct,
  createShop,
  expectDatabaseUnavailable,
  otherDatabaseClient,
  startServerInstance,
  TcpProxy,
  useTestRedis,
  waitFor,
  type ServerInstance,
  type Shop,
} from "../helpers"

// Fault injection (docs/SECURITY.md, "Fault suite") on the network between a server and
// PostgreSQL: PostgreSQL silent (bytes held, connections left open), slower than the query
// time-out, unreachable, and a statement running past the statement time-out. The faults
// are played on a second server (`medusa start`, as in production) whose only way to this
// spec's database is a TCP relay the tests stall, slow down and cut. The runner's app keeps
// its direct connection and default time-outs: it creates, restores and seeds the database.
const redisUrl = useTestRedis()

/**
 * The second server's time-outs. The client-side query time-out is the statement time-out
 * + 2 s (src/config/database.ts), so 3.5 s. The lock time-out is longer than the statement
 * time-out here, so that a statement waiting on a lock is cancelled by the statement
 * time-out (fault-postgres.spec.ts proves the lock time-out).
 */
const SECOND_SERVER_ENV = {
  DB_STATEMENT_TIMEOUT_MS: "1500",
  DB_LOCK_TIMEOUT_MS: "6000",
  DB_ACQUIRE_TIMEOUT_MS: "1500",
}
/** A relay chunk delayed this long outlasts the query time-out (3.5 s): no answer in time. */
const LATENCY_PAST_QUERY_TIMEOUT_MS = 4000
/**
 * How long the test waits for one answer before calling it a hang: well above the
 * time-outs a request can meet one after another (a query, its rollback, a compensation).
 */
const HANG_MS = 30_000
/** How the second server's sessions are named in pg_stat_activity. */
const SECOND_SERVER_APPLICATION = "fault-second-server"

const anyStatus = { validateStatus: () => true }

const relay = new TcpProxy({
  host: process.env.DB_HOST ?? "localhost",
  port: Number(process.env.DB_PORT ?? "5432"),
})

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer, dbConfig }) => {
    let server: ServerInstance | undefined
    let shop: Shop

    beforeAll(async () => {
      await relay.start()
      const throughRelay = new URL(dbConfig.clientUrl)
      throughRelay.hostname = "127.0.0.1"
      throughRelay.port = String(relay.port)
      throughRelay.searchParams.set("application_name", SECOND_SERVER_APPLICATION)
      server = await startServerInstance(throughRelay.toString(), redisUrl, SECOND_SERVER_ENV)
    })

    afterAll(async () => {
      await server?.stop()
      await relay.stop()
    })

    // The runner re-creates the database before each test, ending the second server's
    // connections too: its pool replaces them.
    beforeEach(async () => {
      shop = await createShop(getContainer(), api, {
        name: "Fault kettle",
        price: "30.00",
        stock_quantity: 10,
      })
      await waitFor(async () => (await send("get", "/ready")).status === 200, 15_000)
    })

    afterEach(async () => {
      relay.resume()
      relay.latencyMs = 0
      if (!relay.running) {
        await relay.start()
      }
    })

    /** A request to the second server; one that does not answer within HANG_MS fails. */
    function send(
      method: "get" | "put",
      url: string,
      data?: unknown,
      config: AxiosRequestConfig = {}
    ): Promise<AxiosResponse> {
      if (!server) {
        throw new Error("the second server did not start (see the beforeAll error)")
      }
      return server.api.request({ method, url, data, timeout: HANG_MS, ...anyStatus, ...config })
    }

    const readOrders = () => send("get", "/orders", undefined, { headers: shop.alice.headers })
    const rename = (name: string, productId = shop.product.id) =>
      send("put", `/products/${productId}`, { name }, { headers: shop.admin.headers })

    /** The product's name as PostgreSQL has it committed, read on a connection of our own. */
    async function committedName(): Promise<string> {
      const client = await otherDatabaseClient(getContainer())
      try {
        const { rows } = await client.query("select title from product where id = $1", [
          shop.product.id,
        ])
        return rows[0].title
      } finally {
        await client.end()
      }
    }

    /** The states of the second server's sessions (pg_stat_activity). */
    async function secondServerSessions(): Promise<string[]> {
      const client = await otherDatabaseClient(getContainer())
      try {
        const { rows } = await client.query(
          `select state from pg_stat_activity
            where datname = current_database() and application_name = $1`,
          [SECOND_SERVER_APPLICATION]
        )
        return rows.map((row) => row.state)
      } finally {
        await client.end()
      }
    }

    /**
     * Gives the second server's pool a few open connections, so that the fault meets
     * requests on established connections (the query time-out), not only on new ones (the
     * connect and acquire time-outs).
     */
    async function warmPool(): Promise<void> {
      await waitFor(async () => {
        await Promise.all([readOrders(), readOrders(), readOrders()])
        return (await secondServerSessions()).length >= 2
      }, 15_000)
    }

    /** The same read and write work again, and the write is committed (seen from outside). */
    async function expectRecovered(name: string): Promise<void> {
      await waitFor(async () => (await rename(name)).status === 200, 20_000)
      expect(await committedName()).toBe(name)
      expect((await readOrders()).status).toBe(200)
    }

    it("PostgreSQL silent in the middle of a write: the write and a read are 503, the write never lands though its statement reaches PostgreSQL later, and both work again", async () => {
      const other = await createCatalogProduct(api, shop.admin.headers, {
        name: "Other kettle",
        price: "12.00",
      })
      await warmPool()
      // The relay holds the product's UPDATE, and from then on every byte both ways:
      // PostgreSQL has begun the transaction, then goes silent.
      relay.stallWhenSent("Renamed mid-write")
      const write = rename("Renamed mid-write")
      await waitFor(() => relay.isStalled, HANG_MS)
      expectDatabaseUnavailable(await readOrders(), "GET /orders, database silent")
      expectDatabaseUnavailable(await write, "PUT /products/{id}, database silent mid-write")

      // The held UPDATE now reaches PostgreSQL, in a transaction the server gave up on. The
      // server closed that connection when it was given back, and the close follows the
      // UPDATE: PostgreSQL rolls the transaction back without any further request.
      relay.resume()
      await waitFor(
        async () => !(await secondServerSessions()).includes("idle in transaction"),
        15_000
      )
      // Requests go on, several at once so that the pool hands out every connection it
      // holds, a write among them: none runs inside that transaction (its COMMIT would
      // commit the abandoned write).
      const answers = await Promise.all([
        rename("Other renamed", other.id),
        ...Array.from({ length: 6 }, readOrders),
      ])
      expect(answers.map((answer) => answer.status)).not.toContain(500)
      expect(await committedName()).toBe("Fault kettle")
      await expectRecovered("Renamed after the silence")
    })

    it("PostgreSQL slower than the query time-out: a read and a write are 503, and both work again once it is fast", async () => {
      await warmPool()
      relay.latencyMs = LATENCY_PAST_QUERY_TIMEOUT_MS
      const [read, write] = await Promise.all([readOrders(), rename("Renamed while slow")])
      expectDatabaseUnavailable(read, "GET /orders, database slow")
      expectDatabaseUnavailable(write, "PUT /products/{id}, database slow")

      relay.latencyMs = 0
      await expectRecovered("Renamed after the slowness")
    })

    it("a statement running past the statement time-out is cancelled: 503, nothing changed, and it works once statements are quick again", async () => {
      const holder = await otherDatabaseClient(getContainer())
      try {
        await holder.query("begin")
        await holder.query("select id from product where id = $1 for update", [shop.product.id])
        // The lock time-out (6 s) is longer: the statement time-out (1.5 s) cancels it.
        expectDatabaseUnavailable(
          await rename("Renamed past the statement time-out"),
          "PUT /products/{id}, statement too long"
        )
        await holder.query("rollback")
      } finally {
        await holder.end()
      }
      expect(await committedName()).toBe("Fault kettle")
      await expectRecovered("Renamed in time")
    })

    it("PostgreSQL unreachable (connections closed, new ones refused): a read and a write are 503, and both work again once it is back", async () => {
      await warmPool()
      await relay.stop()
      const [read, write] = await Promise.all([readOrders(), rename("Renamed while cut")])
      expectDatabaseUnavailable(read, "GET /orders, database unreachable")
      expectDatabaseUnavailable(write, "PUT /products/{id}, database unreachable")

      await relay.start()
      expect(await committedName()).toBe("Fault kettle")
      await expectRecovered("Renamed after the cut")
    })
  },
})
