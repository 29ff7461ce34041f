import type { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MEDIA_TYPES, type BodyType } from "./contract"
import { HttpError } from "./errors"

function hasBody(req: MedusaRequest): boolean {
  return (
    Number(req.headers["content-length"] ?? 0) > 0 || req.headers["transfer-encoding"] !== undefined
  )
}

/** 415 for a body of a type the route does not take (JSON unless it says otherwise). */
export function requireBodyType(types: BodyType[]) {
  const accepted = types.map((type) => MEDIA_TYPES[type])
  return function requireContractBodyType(
    req: MedusaRequest,
    _res: MedusaResponse,
    next: MedusaNextFunction
  ): void {
    if (hasBody(req) && !req.is(accepted)) {
      return next(
        new HttpError(415, "unsupported_media_type", `Send the body as ${accepted.join(" or ")}`)
      )
    }
    next()
  }
}
