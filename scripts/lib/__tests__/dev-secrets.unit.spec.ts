import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { ensureDevSecrets } from "../dev-secrets"

describe("ensureDevSecrets", () => {
  let dir: string
  let file: string

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "dev-secrets-"))
    file = path.join(dir, "data", "dev-secrets.json")
  })

  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it("generates random secrets once, keeps them for the owner only, and reuses them", () => {
    const first = ensureDevSecrets({}, file)
    expect(first.JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.COOKIE_SECRET).toMatch(/^[0-9a-f]{64}$/)
    expect(first.JWT_SECRET).not.toBe(first.COOKIE_SECRET)
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    expect(ensureDevSecrets({}, file)).toEqual(first)
    // Another install (another file) gets other secrets: nothing is a shared default.
    expect(ensureDevSecrets({}, path.join(dir, "other.json")).JWT_SECRET).not.toBe(first.JWT_SECRET)
  })

  it("never falls back to Medusa's published default", () => {
    const secrets = ensureDevSecrets({}, file)
    expect(Object.values(secrets)).not.toContain("supersecret")
  })

  it("uses configured secrets and stores only what it generated", () => {
    const secrets = ensureDevSecrets({ JWT_SECRET: "configured-jwt" }, file)
    expect(secrets.JWT_SECRET).toBe("configured-jwt")
    const stored = JSON.parse(fs.readFileSync(file, "utf8"))
    expect(stored).toEqual({ COOKIE_SECRET: secrets.COOKIE_SECRET })
  })

  it("replaces an unreadable file", () => {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    fs.writeFileSync(file, "not json")
    expect(ensureDevSecrets({}, file).JWT_SECRET).toMatch(/^[0-9a-f]{64}$/)
  })
})
