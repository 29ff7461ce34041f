import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { toCsv } from "../../utils/csv"

export type Table = { columns: readonly string[]; rows: Record<string, unknown>[] }

/** CSV when the query says `format=csv`, or says nothing and `Accept` prefers text/csv. */
export function wantsCsv(req: MedusaRequest): boolean {
  const format = (req.validatedQuery as { format?: string } | undefined)?.format
  if (format) {
    return format === "csv"
  }
  return req.accepts(["application/json", "text/csv"]) === "text/csv"
}

/**
 * Answers a report in the format asked for: the JSON body, or the same figures as a CSV
 * table (one row per figure of the JSON, same values) to download.
 */
export function sendReport(
  req: MedusaRequest,
  res: MedusaResponse,
  name: string,
  body: unknown,
  table: (body: never) => Table
): void {
  if (!wantsCsv(req)) {
    res.status(200).json(body)
    return
  }
  const { columns, rows } = table(body as never)
  res.setHeader("Content-Type", "text/csv; charset=utf-8")
  res.setHeader("Content-Disposition", `attachment; filename="${name}.csv"`)
  res.status(200).send(toCsv(columns, rows))
}
