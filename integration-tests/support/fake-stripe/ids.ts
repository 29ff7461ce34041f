import { randomBytes } from "node:crypto"

const ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"

/** Random base-62 text; Stripe's ids and secrets use the same alphabet. */
export function randomToken(length: number): string {
  const bytes = randomBytes(length)
  let out = ""
  for (const byte of bytes) {
    out += ALPHABET[byte % ALPHABET.length]
  }
  return out
}

/** `pi_3Pq...`: Stripe's prefix and 24 random characters. */
export function newId(prefix: string): string {
  return `${prefix}_${randomToken(24)}`
}

export function clientSecret(id: string): string {
  return `${id}_secret_${randomToken(24)}`
}

export function nowSeconds(): number {
  return Math.floor(Date.now() / 1000)
}
