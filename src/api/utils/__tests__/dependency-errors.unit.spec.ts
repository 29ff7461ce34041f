import { MedusaError } from "@medusajs/framework/utils"
import { unavailableDependency } from "../dependency-errors"
import { toErrorResponse } from "../errors"

const pgError = (code: string, message = "from PostgreSQL") =>
  Object.assign(new Error(message), { code })

describe("unavailableDependency", () => {
  it.each([
    ["statement timeout", pgError("57014", "canceling statement due to statement timeout")],
    ["lock timeout", pgError("55P03", "canceling statement due to lock timeout")],
    ["server shutting down", pgError("57P01")],
    [
      "pool acquire timeout",
      Object.assign(new Error("Knex: Timeout acquiring a connection. The pool is probably full."), {
        name: "KnexTimeoutError",
      }),
    ],
    ["client query timeout", new Error("Query read timeout")],
    [
      "client query timeout, as knex reports it",
      new Error(`select "o0".* from "order_lifecycle" as "o0" limit 20 - Query read timeout`),
    ],
    ["connection lost", new Error("Connection terminated unexpectedly")],
    [
      "connection lost, as knex reports it",
      new Error(`update "product" set "title" = 'x' - Connection terminated unexpectedly`),
    ],
    [
      "a client whose connection failed, as knex reports it",
      new Error("select 1 - Client has encountered a connection error and is not queryable"),
    ],
    ["wrapped in a cause", Object.assign(new Error("step failed"), { cause: pgError("55P03") })],
  ])("a database outage: %s", (_, error) => {
    expect(unavailableDependency(error)).toBe("database")
  })

  it.each([
    [
      "ioredis retries exhausted",
      Object.assign(new Error("Reached the max retries per request limit (which is 20)."), {
        name: "MaxRetriesPerRequestError",
      }),
    ],
    ["closed connection", new Error("Connection is closed.")],
    ["crossed the workflow engine as an object", { message: "Connection is closed." }],
  ])("a Redis outage: %s", (_, error) => {
    expect(unavailableDependency(error)).toBe("redis")
  })

  it.each([
    ["a unique violation", pgError("23505")],
    ["a MedusaError", new MedusaError(MedusaError.Types.NOT_FOUND, "Product not found")],
    ["a bare error", new Error("boom")],
    [
      "a statement quoting outage words, failing for another reason",
      new Error(
        `insert into "review" ("body") values ('Query read timeout') - duplicate key value violates unique constraint`
      ),
    ],
    ["not an object", "Connection is closed."],
  ])("not an outage: %s", (_, error) => {
    expect(unavailableDependency(error)).toBeUndefined()
  })
})

describe("toErrorResponse for outages", () => {
  it("is a 503 with Retry-After in the shared shape, naming the dependency only", () => {
    const response = toErrorResponse(
      pgError("57014", "canceling statement, secret detail"),
      "req-1"
    )
    expect(response).toMatchObject({
      status: 503,
      headers: { "Retry-After": "5" },
      unexpected: false,
      body: { type: "service_unavailable" },
    })
    expect(response.body.message).not.toContain("secret detail")
  })
})
