import { createHash, randomBytes, randomUUID } from "node:crypto"
import type { ConfigModule } from "@medusajs/framework/types"
import { generateJwtToken } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"

export type ActorType = "customer" | "user"

export type AccessClaims = {
  actor_id: string
  actor_type: ActorType
  auth_identity_id: string
  app_metadata: Record<string, unknown>
  user_metadata: Record<string, unknown>
  /** This token's id. */
  jti: string
  /** The refresh-token family (session) it was issued for: logout revokes by it. */
  sid: string
}

/** What login, refresh and OAuth sign-in answer. */
export const tokenPair = z.object({
  access_token: z.string(),
  refresh_token: z.string(),
  token_type: z.literal("bearer"),
  expires_in: z.number().int(),
})

export type TokenPair = z.infer<typeof tokenPair>

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex")
}

/** An opaque refresh token (256 random bits) and the hash that is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString("base64url")
  return { token, hash: hashToken(token) }
}

export function newFamilyId(): string {
  return `fam_${randomUUID().replace(/-/g, "")}`
}

/**
 * A Medusa-compatible access token: Medusa's claims (actor_id, actor_type,
 * auth_identity_id, app_metadata) signed with the project's jwtSecret and JWT options,
 * so Medusa's /store and /admin routes accept it, plus `jti` and `sid` for revocation.
 */
export function signAccessToken(
  claims: Omit<AccessClaims, "jti">,
  http: ConfigModule["projectConfig"]["http"],
  ttlSeconds: number
): string {
  return generateJwtToken(
    { ...claims, jti: randomUUID() },
    { secret: http.jwtSecret as string, expiresIn: ttlSeconds, jwtOptions: http.jwtOptions }
  )
}
