import { z } from "@medusajs/framework/zod"

const param = z.string().max(2000).optional()

/**
 * What a provider sends back to the callback: `code` and `state`, or an `error`.
 * Google adds `scope`, `authuser`, `prompt`, `hd` and `iss` (RFC 9207), which are accepted
 * and ignored. A missing code or state is a 401, not a 400: the sign-in failed.
 */
export const oauthCallbackQuery = z.object({
  code: param,
  state: param,
  error: param,
  error_description: param,
  error_uri: param,
  scope: param,
  authuser: param,
  prompt: param,
  hd: param,
  iss: param,
})

export type OAuthCallbackQuery = z.infer<typeof oauthCallbackQuery>
