import type { AxiosResponse } from "axios"

/**
 * The SQL statements a request ran (X-SQL-Statements, set when the app runs with
 * SQL_STATEMENT_COUNTER=true: src/api/utils/sql-statements.ts); a missing or malformed
 * header fails the test.
 */
export function statementsOf(response: AxiosResponse): number {
  const header = response.headers["x-sql-statements"]
  expect(header).toMatch(/^\d+$/)
  return Number(header)
}
