import { AsyncLocalStorage } from "node:async_hooks"
import { appendFileSync } from "node:fs"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { platformSettings } from "../../config/platform"

/**
 * SQL statements per request, the cost figure that does not drift with the machine
 * (docs/PERFORMANCE.md). Off unless SQL_STATEMENT_COUNTER=true (benchmarks and the tests
 * that guard a route's statement count): then every response carries X-SQL-Statements, the
 * number of statements PostgreSQL received while the request was handled — including
 * BEGIN/COMMIT/SAVEPOINT, as PostgreSQL's own statement log counts them.
 *
 * Counting happens in knex's driver call (`_query`), which every statement of every module
 * goes through (Medusa's modules share one knex connection); the request is found through
 * AsyncLocalStorage, so statements of other requests or of background work in the same
 * process are not counted.
 */
export const SQL_STATEMENTS_HEADER = "X-SQL-Statements"

type Tally = { statements: number; texts?: string[] }
type DriverCall = (this: unknown, ...args: unknown[]) => unknown
type KnexClient = { _query: DriverCall }

const tallies = new AsyncLocalStorage<Tally>()
const instrumented = new WeakSet<object>()

function instrument(connection: { client?: unknown }): void {
  const client = connection.client as KnexClient | undefined
  // Transactions run on clients made from the same prototype, so patch the prototype.
  const prototype = client && (Object.getPrototypeOf(client) as KnexClient)
  if (!prototype || instrumented.has(prototype)) {
    return
  }
  instrumented.add(prototype)
  const driverCall = prototype._query
  prototype._query = function countedDriverCall(this: unknown, ...args: unknown[]) {
    const tally = tallies.getStore()
    if (tally) {
      tally.statements += 1
      tally.texts?.push(sqlTextOf(args[1]))
    }
    return driverCall.apply(this, args)
  }
}

/** The SQL of a knex driver call (`_query(connection, { sql, bindings })`), for the trace. */
function sqlTextOf(query: unknown): string {
  const sql = (query as { sql?: unknown } | undefined)?.sql
  return typeof sql === "string" ? sql.replace(/\s+/g, " ").slice(0, 300) : String(query)
}

/**
 * SQL_STATEMENT_TRACE=<file> (with the counter on) appends each request's statements to
 * that file: the way to see which statements an operation spends (docs/PERFORMANCE.md).
 */
function writeTrace(req: MedusaRequest, tally: Tally): void {
  const file = process.env.SQL_STATEMENT_TRACE
  if (file && tally.texts) {
    const lines = tally.texts.map((text, index) => `${index + 1}\t${text}`)
    appendFileSync(
      file,
      `## ${req.method} ${req.originalUrl} ${tally.statements}\n${lines.join("\n")}\n`
    )
  }
}

export function countSqlStatements(
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  if (!platformSettings().countSqlStatements) {
    return next()
  }
  instrument(req.scope.resolve(ContainerRegistrationKeys.PG_CONNECTION))
  const tally: Tally = { statements: 0, texts: process.env.SQL_STATEMENT_TRACE ? [] : undefined }
  res.once("finish", () => writeTrace(req, tally))
  const writeHead = res.writeHead
  // The header goes out with the first byte of the response, when the work is done.
  res.writeHead = function writeHeadWithCount(this: MedusaResponse, ...args: unknown[]) {
    if (!res.headersSent) {
      res.setHeader(SQL_STATEMENTS_HEADER, String(tally.statements))
    }
    return (writeHead as DriverCall).apply(this, args) as MedusaResponse
  } as MedusaResponse["writeHead"]
  tallies.run(tally, next)
}
