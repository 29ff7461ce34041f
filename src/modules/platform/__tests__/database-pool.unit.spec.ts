import { isReusableConnection } from "../loaders/database-pool"

// The real case (a query given up on mid-transaction, its statement reaching PostgreSQL
// later) is played over HTTP in integration-tests/http/fault-postgres-relay.spec.ts.
describe("isReusableConnection", () => {
  const client = (readyForQuery: boolean, status: string | null) => ({
    readyForQuery,
    getTransactionStatus: () => status,
  })

  it("takes a connection idle outside a transaction", () => {
    expect(isReusableConnection(client(true, "I"))).toBe(true)
  })

  it("refuses one still waiting for the answer to a query given up on", () => {
    expect(isReusableConnection(client(false, "I"))).toBe(false)
  })

  it("refuses one inside a transaction nobody ended, open or failed", () => {
    expect(isReusableConnection(client(true, "T"))).toBe(false)
    expect(isReusableConnection(client(true, "E"))).toBe(false)
  })

  it("takes one whose driver does not report the transaction status", () => {
    expect(isReusableConnection({ readyForQuery: true })).toBe(true)
    expect(isReusableConnection(client(true, null))).toBe(true)
  })
})
