import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { refreshSession } from "../helpers/sessions"
import type { RefreshBody } from "../validators"

export async function POST(req: MedusaRequest<RefreshBody>, res: MedusaResponse): Promise<void> {
  res.setHeader("Cache-Control", "no-store")
  res.status(200).json(await refreshSession(req.scope, req.validatedBody.refresh_token))
}
