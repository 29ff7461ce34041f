import type { AuthenticationInput, AuthIdentityProviderService } from "@medusajs/framework/types"
import { pickEmail } from "../github/service"
import { relocate, startCallback } from "../shared"

function stateStore(states: Record<string, Record<string, unknown>>): AuthIdentityProviderService {
  // Only getState is used: the rest of the interface is not stubbed.
  return {
    getState: async (key: string) => {
      const value = states[key] ?? null
      delete states[key]
      return value
    },
  } as unknown as AuthIdentityProviderService
}

describe("relocate", () => {
  it("moves the package's authorize URL to the configured endpoint, keeping every parameter", () => {
    const moved = relocate(
      {
        success: true,
        location: "https://github.com/login/oauth/authorize?client_id=c&state=s&redirect_uri=r",
      },
      "http://127.0.0.1:4000/authorize?tenant=t",
      { scope: "read:user user:email" }
    )
    const url = new URL(moved.location as string)
    expect(`${url.origin}${url.pathname}`).toBe("http://127.0.0.1:4000/authorize")
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "t",
      client_id: "c",
      state: "s",
      redirect_uri: "r",
      scope: "read:user user:email",
    })
  })

  it("leaves an answer without a location alone", () => {
    expect(relocate({ success: false, error: "no" }, "http://x")).toEqual({
      success: false,
      error: "no",
    })
  })
})

describe("pickEmail", () => {
  const primary = { email: "Primary@Example.test", primary: true, verified: true }
  const other = { email: "other@example.test", primary: false, verified: true }

  it("prefers the verified primary address, lower-cased", () => {
    expect(pickEmail([other, primary], null)).toEqual({
      email: "primary@example.test",
      verified: true,
    })
  })

  it("falls back to a verified address, then the unverified primary, then the public one", () => {
    expect(pickEmail([{ ...primary, verified: false }, other], null)).toEqual({
      email: "other@example.test",
      verified: true,
    })
    expect(pickEmail([{ ...primary, verified: false }], null)).toEqual({
      email: "primary@example.test",
      verified: false,
    })
    expect(pickEmail([], "Public@Example.test")).toEqual({
      email: "public@example.test",
      verified: false,
    })
    expect(pickEmail([], null)).toEqual({ email: null, verified: false })
  })
})

describe("startCallback", () => {
  it("returns the code and the stored callback URL, consuming the state", async () => {
    const store = stateStore({ s1: { callback_url: "https://api.example/cb" } })
    const req = { query: { code: "c1", state: "s1" } }
    expect(await startCallback(req, store)).toEqual({
      ok: true,
      code: "c1",
      redirectUri: "https://api.example/cb",
    })
    expect(await startCallback(req, store)).toMatchObject({ ok: false })
  })

  it("fails on the provider's error, a missing code, or an unknown state", async () => {
    const store = stateStore({ s1: { callback_url: "https://api.example/cb" } })
    const cases: AuthenticationInput[] = [
      { query: { error: "access_denied", state: "s1" } },
      { query: { state: "s1" } },
      { query: { code: "c1" } },
      { query: { code: "c1", state: "forged" } },
    ]
    for (const req of cases) {
      const result = await startCallback(req, store)
      expect({ req, ok: result.ok }).toEqual({ req, ok: false })
    }
  })
})
