import { asValue } from "@medusajs/framework/awilix"
import { ContainerRegistrationKeys, createMedusaContainer } from "@medusajs/framework/utils"
import { knex, type Knex } from "@medusajs/framework/mikro-orm/knex"
import { Client } from "pg"
import databasePoolLoader from "../loaders/database-pool"

// The pool of the platform loader against a real PostgreSQL (the test server's maintenance
// database: only sessions are made, no tables). What happens over HTTP when PostgreSQL goes
// silent mid-write is in integration-tests/http/fault-postgres-relay.spec.ts; here the
// connection is left in the same states directly, without a request that would make the
// pool take connections again afterwards.
const url = `postgres://${encodeURIComponent(process.env.DB_USERNAME || "postgres")}${
  process.env.DB_PASSWORD ? `:${encodeURIComponent(process.env.DB_PASSWORD)}` : ""
}@${process.env.DB_HOST || "localhost"}:${process.env.DB_PORT || "5432"}/postgres`

type PgConnection = { query: (text: string) => Promise<{ rows: { pid: number }[] }> }
type PooledClient = {
  acquireConnection: () => Promise<PgConnection>
  releaseConnection: (connection: PgConnection) => Promise<void>
}

describe("database pool loader", () => {
  let db: Knex
  let observer: Client

  beforeAll(async () => {
    observer = new Client({ connectionString: url })
    await observer.connect()
  })

  afterAll(async () => {
    await observer.end()
  })

  beforeEach(async () => {
    db = knex({ client: "pg", connection: { connectionString: url }, pool: { min: 2, max: 4 } })
    const container = createMedusaContainer()
    container.register(ContainerRegistrationKeys.PG_CONNECTION, asValue(db))
    await databasePoolLoader({
      container,
      options: { catalogCache: { entries: 1, ttlMs: 1 }, databaseAcquireTimeoutMs: 2000 },
    } as Parameters<typeof databasePoolLoader>[0])
  })

  afterEach(async () => {
    await db.destroy()
  })

  const client = () => db.client as unknown as PooledClient
  const pidOf = async (connection: PgConnection) =>
    (await connection.query("select pg_backend_pid() as pid")).rows[0].pid
  const sessionState = async (pid: number): Promise<string | undefined> =>
    (await observer.query("select state from pg_stat_activity where pid = $1", [pid])).rows[0]
      ?.state

  async function until(check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 5000
    while (!(await check())) {
      if (Date.now() > deadline) {
        throw new Error("condition not met within 5 s")
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  it("closes a connection given back inside a transaction at once, so PostgreSQL rolls it back and frees its locks", async () => {
    const connection = await client().acquireConnection()
    const pid = await pidOf(connection)
    await connection.query("begin")
    expect(await sessionState(pid)).toBe("idle in transaction")

    await client().releaseConnection(connection)

    await until(async () => (await sessionState(pid)) === undefined)
  })

  it("never hands that connection out again", async () => {
    const connection = await client().acquireConnection()
    const pid = await pidOf(connection)
    await connection.query("begin")
    await client().releaseConnection(connection)

    const next = await client().acquireConnection()
    try {
      expect(await pidOf(next)).not.toBe(pid)
      const { rows } = await (next as unknown as Client).query(
        "select count(*)::int as open from pg_stat_activity where pid = pg_backend_pid() and state = 'idle in transaction'"
      )
      expect(rows[0].open).toBe(0)
    } finally {
      await client().releaseConnection(next)
    }
  })

  it("keeps a connection given back idle outside a transaction", async () => {
    const connection = await client().acquireConnection()
    const pid = await pidOf(connection)
    await client().releaseConnection(connection)

    const next = await client().acquireConnection()
    try {
      expect(await pidOf(next)).toBe(pid)
    } finally {
      await client().releaseConnection(next)
    }
  })
})
