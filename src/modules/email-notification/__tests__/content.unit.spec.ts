import { emailContentOf } from "../content"

describe("emailContentOf", () => {
  const base = { to: "a@shop.test", channel: "email", template: "verify-email" }

  it("uses the rendered content", () => {
    expect(
      emailContentOf({ ...base, content: { subject: "Verify", text: "t", html: "<p>h</p>" } })
    ).toEqual({ subject: "Verify", text: "t", html: "<p>h</p>" })
  })

  it("falls back to the template name as subject when content has none", () => {
    expect(emailContentOf({ ...base, content: { text: "t" } })).toEqual({
      subject: "verify-email",
      text: "t",
      html: undefined,
    })
  })

  it("without content, sends the data as JSON text under the template name", () => {
    for (const content of [undefined, null, {}]) {
      const email = emailContentOf({ ...base, content, data: { token: "abc" } })
      expect(email.subject).toBe("verify-email")
      expect(JSON.parse(email.text as string)).toEqual({ token: "abc" })
      expect(email.html).toBeUndefined()
    }
  })

  it("without data either, the text is an empty JSON object", () => {
    expect(emailContentOf(base).text).toBe("{}")
  })
})
