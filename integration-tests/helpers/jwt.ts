import { createHmac, type KeyObject } from "node:crypto"

function base64url(value: string | Buffer): string {
  return Buffer.from(value).toString("base64url")
}

/**
 * A JSON Web Token built by hand, so tests can forge the tokens an attacker would send
 * (expired, `alg: none`, signed with another key, edited after signing).
 */
export function signJwt(
  payload: Record<string, unknown>,
  /** The project's `http.jwtSecret`: a string, or the KeyObject the server swaps it for. */
  secret: string | KeyObject,
  algorithm: "HS256" | "none" = "HS256"
): string {
  const header = base64url(JSON.stringify({ alg: algorithm, typ: "JWT" }))
  const body = base64url(JSON.stringify(payload))
  if (algorithm === "none") {
    return `${header}.${body}.`
  }
  const signature = createHmac("sha256", secret).update(`${header}.${body}`).digest("base64url")
  return `${header}.${body}.${signature}`
}

/** The claims of a token, unverified. */
export function decodeJwt(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
}

/** The same token with one claim changed and the original signature kept. */
export function tamperJwt(token: string, claims: Record<string, unknown>): string {
  const [header, , signature] = token.split(".")
  const body = base64url(JSON.stringify({ ...decodeJwt(token), ...claims }))
  return `${header}.${body}.${signature}`
}
