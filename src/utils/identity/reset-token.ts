import { MedusaError } from "@medusajs/framework/utils"

/**
 * The emailed reset token: the account's email and Medusa's reset-token id, because
 * Medusa consumes a reset token only together with the identity it was made for.
 */
export function encodeResetToken(email: string, jti: string): string {
  return `${Buffer.from(email).toString("base64url")}.${jti}`
}

export function decodeResetToken(token: string): { email: string; jti: string } {
  const [encodedEmail, jti, ...rest] = token.split(".")
  const email = encodedEmail ? Buffer.from(encodedEmail, "base64url").toString("utf8") : ""
  if (!jti || rest.length || !email.includes("@")) {
    throw new MedusaError(MedusaError.Types.UNAUTHORIZED, "Invalid or expired reset token")
  }
  return { email, jti }
}
