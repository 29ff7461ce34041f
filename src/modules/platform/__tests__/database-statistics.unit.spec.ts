import { autovacuumWarning } from "../loaders/database-statistics"

describe("autovacuumWarning", () => {
  it("warns when PostgreSQL's autovacuum is off, and only then", () => {
    expect(autovacuumWarning("off")).toMatch(/autovacuum is off.*ANALYZE/)
    expect(autovacuumWarning("on")).toBeNull()
    // An answer it could not read (an older server, a proxy) is not a finding.
    expect(autovacuumWarning(undefined)).toBeNull()
  })
})
