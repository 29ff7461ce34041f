import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { completeOAuthSignIn } from "../../../helpers/oauth"

/** The provider's redirect back: signs the customer in and returns the token pair. */
export async function GET(req: MedusaRequest, res: MedusaResponse): Promise<void> {
  const tokens = await completeOAuthSignIn(req)
  res.setHeader("Cache-Control", "no-store")
  res.status(200).json(tokens)
}
