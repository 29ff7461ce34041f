import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { oauthAuthorizeLocation } from "../../helpers/oauth"

/** Sends the browser to Google or GitHub to sign in; the provider returns to the callback. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const location = await oauthAuthorizeLocation(req)
  res.setHeader("Cache-Control", "no-store")
  res.redirect(302, location)
}
