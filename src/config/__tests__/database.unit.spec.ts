import {
  applyDatabaseApplicationName,
  applyDatabaseTimeouts,
  readDatabasePoolMax,
  readDatabaseTimeouts,
  type PgDefaults,
} from "../database"

describe("database time-outs", () => {
  it("defaults, with the client's query time-out after the server's statement time-out", () => {
    expect(readDatabaseTimeouts({})).toEqual({
      statementTimeoutMs: 30_000,
      lockTimeoutMs: 10_000,
      queryTimeoutMs: 32_000,
      acquireTimeoutMs: 10_000,
    })
    expect(readDatabaseTimeouts({ DB_STATEMENT_TIMEOUT_MS: "5000" }).queryTimeoutMs).toBe(7000)
  })

  it("refuses values that are not positive whole numbers", () => {
    expect(() => readDatabaseTimeouts({ DB_LOCK_TIMEOUT_MS: "0" })).toThrow(/DB_LOCK_TIMEOUT_MS/)
    expect(() => readDatabaseTimeouts({ DB_ACQUIRE_TIMEOUT_MS: "soon" })).toThrow()
  })

  it("sets node-postgres defaults where requests are served, not for migrations, scripts or the worker", () => {
    const timeouts = readDatabaseTimeouts({})
    const server: PgDefaults = {}
    applyDatabaseTimeouts(server, timeouts, ["node", "medusa", "start"], "server")
    expect(server).toEqual({
      statement_timeout: 30_000,
      lock_timeout: 10_000,
      query_timeout: 32_000,
    })
    const migrate: PgDefaults = {}
    applyDatabaseTimeouts(migrate, timeouts, ["node", "medusa", "db:migrate"], undefined)
    expect(migrate).toEqual({})
    const script: PgDefaults = {}
    applyDatabaseTimeouts(script, timeouts, ["node", "medusa", "exec", "./bench/a.ts"], undefined)
    expect(script).toEqual({})
    const worker: PgDefaults = {}
    applyDatabaseTimeouts(worker, timeouts, ["node", "medusa", "start"], "worker")
    expect(worker).toEqual({})
    const shared: PgDefaults = {}
    applyDatabaseTimeouts(shared, timeouts, ["node", "medusa", "start"], "shared")
    expect(shared.statement_timeout).toBe(30_000)
  })

  it("names the connections by the process's role", () => {
    const named = (mode: string | undefined) => {
      const defaults: PgDefaults = {}
      applyDatabaseApplicationName(defaults, mode)
      return defaults.application_name
    }
    expect(named("server")).toBe("engine-server")
    expect(named("worker")).toBe("engine-worker")
    expect(named("shared")).toBe("engine-shared")
    expect(named(undefined)).toBe("engine-shared")
    expect(named("anything else")).toBe("engine-shared")
  })

  it("sizes the pool from DB_POOL_MAX, leaving Medusa's default when unset", () => {
    expect(readDatabasePoolMax({})).toBeUndefined()
    expect(readDatabasePoolMax({ DB_POOL_MAX: "20" })).toBe(20)
    expect(() => readDatabasePoolMax({ DB_POOL_MAX: "0" })).toThrow(/DB_POOL_MAX/)
  })
})
