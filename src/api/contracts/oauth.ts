import type { ContractRoute } from "../utils/contract"
import { oauthCallbackQuery } from "../auth/oauth/validators"
import { tokenPair } from "../../utils/identity/tokens"

const tags = ["Auth"]

/** Sign-in with Google or GitHub (authorization code flow with state). */
export const oauthContract: ContractRoute[] = [
  {
    method: "GET",
    path: "/auth/oauth/:provider",
    summary: "Start signing in with Google or GitHub (redirects to the provider)",
    tags,
    access: "public",
    responses: {
      302: { description: "Redirect to the provider's authorize page (Location header)" },
      404: { description: "Unknown provider, or not configured on this server" },
    },
  },
  {
    method: "GET",
    path: "/auth/oauth/:provider/callback",
    summary: "Finish signing in with Google or GitHub: creates or links the customer",
    tags,
    access: "public",
    query: oauthCallbackQuery,
    responses: {
      200: { description: "Access and refresh token", schema: tokenPair },
      400: { description: "The provider shared no email address" },
      401: { description: "Missing, bad or used code or state; provider refused; deactivated" },
      404: { description: "Unknown provider, or not configured on this server" },
      409: {
        description:
          "An account has this email but the address is not verified (by the provider or by the account), so it is not linked",
      },
    },
  },
]
