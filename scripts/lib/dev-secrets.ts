import { randomBytes } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { SECRET_VARIABLES } from "../../src/config/secrets"

export type DevSecrets = Record<(typeof SECRET_VARIABLES)[number], string>

/**
 * The JWT and cookie secrets `npm run dev` runs with: JWT_SECRET / COOKIE_SECRET when set,
 * otherwise random ones generated once per install and kept in `file` (under the
 * git-ignored .data/, beside the embedded database), readable by the owner only. Medusa's
 * published development default (`supersecret`) would let anyone who can reach a
 * development server sign an admin token for it.
 */
export function ensureDevSecrets(env: NodeJS.ProcessEnv, file: string): DevSecrets {
  const stored = readStored(file)
  const secrets = {} as DevSecrets
  let generated = false
  for (const name of SECRET_VARIABLES) {
    const value = env[name] || stored[name]
    if (value) {
      secrets[name] = value
    } else {
      secrets[name] = randomBytes(32).toString("hex")
      stored[name] = secrets[name]
      generated = true
    }
  }
  if (generated) {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 })
    fs.writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 })
  }
  return secrets
}

function readStored(file: string): Partial<DevSecrets> {
  try {
    const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"))
    if (typeof parsed !== "object" || parsed === null) {
      return {}
    }
    const stored: Partial<DevSecrets> = {}
    for (const name of SECRET_VARIABLES) {
      const value = (parsed as Record<string, unknown>)[name]
      if (typeof value === "string" && value.length >= 32) {
        stored[name] = value
      }
    }
    return stored
  } catch {
    return {}
  }
}
