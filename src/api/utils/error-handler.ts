import { errorHandler as medusaErrorHandler } from "@medusajs/framework/http"
import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { isContractPath } from "./contract"
import { unavailableDependency } from "./dependency-errors"
import { toErrorResponse } from "./errors"
import { multipartClientError } from "./multipart-errors"
import { ensureRequestContext } from "./request-context"
import { PASSWORD_HASHING_BUSY } from "../../utils/identity/password-hashing"
import { applySecurityHeaders } from "./security"

const medusaDefault = medusaErrorHandler()

/**
 * The application's error handler. Errors on the engine's own routes get the contract's
 * shape; Medusa's routes keep Medusa's handler so its SDK and dashboard see what they
 * expect. Every error response carries the request id.
 */
export function platformErrorHandler(
  error: unknown,
  req: MedusaRequest,
  res: MedusaResponse,
  next: MedusaNextFunction
): void {
  // Errors raised before the platform middlewares ran (body parsing, Medusa's publishable
  // key check) still get an id, the security headers, an access log line and metrics.
  const requestId = ensureRequestContext(req, res)
  applySecurityHeaders(req, res)
  // Medusa's own upload routes (multer) would answer a broken multipart body with a 500.
  const multipart = req.is("multipart/form-data") ? multipartClientError(error) : undefined
  // A dependency outage is a 503 on Medusa's routes too (Medusa's handler would say 500).
  const outage = unavailableDependency(error)
  // So is a password check shed by the hashing lane (Medusa's emailpass routes take it).
  const shed = (error as { type?: unknown } | null)?.type === PASSWORD_HASHING_BUSY
  if (!isContractPath(req.path) && !multipart && !outage && !shed) {
    void medusaDefault(error, req, res, next)
    return
  }
  const response = toErrorResponse(multipart ?? error, requestId)
  if (outage) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    logger.warn(`request ${requestId} refused, ${outage} unavailable: ${describe(error)}`)
  }
  if (response.unexpected) {
    const logger = req.scope.resolve(ContainerRegistrationKeys.LOGGER)
    logger.error(`request ${requestId} failed: ${describe(error)}`)
  }
  res.set(response.headers)
  res.status(response.status).json(response.body)
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    return error.stack ?? error.message
  }
  try {
    return JSON.stringify(error)
  } catch {
    return String(error)
  }
}
