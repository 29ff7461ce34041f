import { passwordResetEmail, storefrontLink, verificationEmail, welcomeEmail } from "../emails"
import { decodeResetToken, encodeResetToken } from "../reset-token"
import { readIdentitySettings } from "../../../config/identity"
import { hashToken, newFamilyId, newRefreshToken, signAccessToken } from "../tokens"
import { toUserView } from "../../../queries/identity/user-view"
import type { ConfigModule } from "@medusajs/framework/types"

describe("reset tokens", () => {
  it("round-trips the email and Medusa's token id", () => {
    const token = encodeResetToken("ada@example.com", "3f2c-uuid")
    expect(token).not.toContain("@")
    expect(decodeResetToken(token)).toEqual({ email: "ada@example.com", jti: "3f2c-uuid" })
  })

  it.each(["", "abc", "a.b.c", `${Buffer.from("no-at-sign").toString("base64url")}.jti`])(
    "refuses %j as a 401",
    (token) => {
      expect(() => decodeResetToken(token)).toThrow(
        expect.objectContaining({ type: "unauthorized" })
      )
    }
  )
})

describe("emails", () => {
  it("puts the link in the text and escapes it in the HTML", () => {
    const link = storefrontLink("https://shop.example", "verify-email", "a&b<c>")
    expect(link).toBe("https://shop.example/verify-email?token=a%26b%3Cc%3E")
    const mail = verificationEmail('https://x.example/?a="1"&b=<2>')
    expect(mail.text).toContain('https://x.example/?a="1"&b=<2>')
    expect(mail.html).not.toMatch(/<2>|"1"/)
    expect(mail.html).toContain("&#60;2&#62;")
  })

  it("greets by first name when there is one", () => {
    expect(welcomeEmail("Ada").text).toContain("Hello Ada,")
    expect(welcomeEmail(null).text).toContain("Hello,")
    expect(passwordResetEmail("https://s/r?token=t", "2030-01-01T00:00:00.000Z").text).toContain(
      "until 2030-01-01T00:00:00.000Z"
    )
  })
})

describe("identity settings", () => {
  it("has defaults and reads overrides", () => {
    expect(readIdentitySettings({})).toEqual({
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 2592000,
      passwordResetTtlSeconds: 1800,
      storefrontUrl: "http://localhost:8000",
    })
    expect(
      readIdentitySettings({
        ACCESS_TOKEN_TTL: "60",
        REFRESH_TOKEN_TTL: "3600",
        PASSWORD_RESET_TTL: "600",
        STOREFRONT_URL: "https://shop.example///",
      })
    ).toEqual({
      accessTokenTtlSeconds: 60,
      refreshTokenTtlSeconds: 3600,
      passwordResetTtlSeconds: 600,
      storefrontUrl: "https://shop.example",
    })
  })

  it("refuses a lifetime that is not a positive whole number", () => {
    expect(() => readIdentitySettings({ ACCESS_TOKEN_TTL: "0" })).toThrow(/ACCESS_TOKEN_TTL/)
    expect(() => readIdentitySettings({ REFRESH_TOKEN_TTL: "1.5" })).toThrow(/REFRESH_TOKEN_TTL/)
  })
})

describe("tokens", () => {
  it("makes unguessable refresh tokens and stores only their hash", () => {
    const first = newRefreshToken()
    const second = newRefreshToken()
    expect(first.token).not.toBe(second.token)
    expect(Buffer.from(first.token, "base64url")).toHaveLength(32)
    expect(first.hash).toBe(hashToken(first.token))
    expect(first.hash).not.toContain(first.token)
    expect(newFamilyId()).toMatch(/^fam_[0-9a-f]{32}$/)
  })

  it("signs Medusa's claims plus jti and sid, expiring after the lifetime", () => {
    const token = signAccessToken(
      {
        actor_id: "cus_1",
        actor_type: "customer",
        auth_identity_id: "authid_1",
        app_metadata: { customer_id: "cus_1" },
        user_metadata: {},
        sid: "fam_1",
      },
      { jwtSecret: "s" } as ConfigModule["projectConfig"]["http"],
      900
    )
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8"))
    expect(claims).toMatchObject({ actor_id: "cus_1", actor_type: "customer", sid: "fam_1" })
    expect(claims.jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(claims.exp - claims.iat).toBe(900)
  })
})

describe("toUserView", () => {
  const person = {
    id: "cus_1",
    email: "ada@example.com",
    first_name: "Ada",
    last_name: null,
    created_at: "2026-01-01T00:00:00.000Z",
    updated_at: "2026-01-02T00:00:00.000Z",
  }

  it("reads a user without a profile as active, unverified, without username", () => {
    expect(toUserView(person, "user", undefined)).toEqual({
      id: "cus_1",
      email: "ada@example.com",
      username: null,
      first_name: "Ada",
      last_name: null,
      is_active: true,
      is_admin: true,
      email_verified: false,
      preferences: {},
      created_at: "2026-01-01T00:00:00.000Z",
      updated_at: "2026-01-02T00:00:00.000Z",
    })
  })

  it("takes the later change of customer and profile", () => {
    const view = toUserView(person, "customer", {
      id: "prof_1",
      actor_type: "customer",
      actor_id: "cus_1",
      username: "ada",
      preferences: { locale: "en" },
      email_verified_at: new Date("2026-01-03T00:00:00.000Z"),
      deactivated_at: new Date("2026-01-04T00:00:00.000Z"),
      created_at: new Date("2026-01-01T00:00:00.000Z"),
      updated_at: new Date("2026-01-05T00:00:00.000Z"),
      deleted_at: null,
    })
    expect(view).toMatchObject({
      username: "ada",
      is_active: false,
      is_admin: false,
      email_verified: true,
      preferences: { locale: "en" },
      updated_at: "2026-01-05T00:00:00.000Z",
    })
  })
})
