import type { MedusaResponse } from "@medusajs/framework/http"
import type { ErrorBody } from "./errors"

/**
 * Answers with an error directly. Used by middlewares that also guard Medusa's own routes
 * (rate limits, HTTPS, CORS), where the application's error handler defers to Medusa's.
 */
export function sendError(
  res: MedusaResponse,
  status: number,
  body: ErrorBody,
  headers: Record<string, string> = {}
): void {
  res.set(headers)
  res.status(status).json(body)
}
