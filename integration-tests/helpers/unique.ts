import { randomUUID } from "node:crypto"

/** An address no other test uses, so tests never collide on unique emails. */
export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.test`
}

export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` }
}
