import {
  adminPasswordResetDocument,
  dashboardLink,
  inviteDocument,
  lowStockDigestDocument,
  lowStockFeedEntry,
} from "../admin-email"
import { emailLocaleOf, formatMoney } from "../locale"
import {
  ORDER_EMAIL_EXTRAS,
  ORDER_EMAIL_KINDS,
  orderEmailDocument,
  orderEmailKindOf,
  type OrderEmailData,
} from "../order-email"
import type { EmailDocument } from "../document"
import { deliveryKey, emailNotification, tokenDigest } from "../outgoing"
import { MAX_RETRY_DELAY_MS, nextRetryDelayMs, reasonOf } from "../retry"
import mjml2html from "mjml"
import { emailMjml, emailText, renderEmail } from "../render-email"

const order: OrderEmailData = {
  display_id: 1042,
  currency_code: "eur",
  created_at: "2026-12-05T10:00:00.000Z",
  customer_name: "Ada",
  items: [
    { title: "Kettle <b>steel</b>", quantity: 2, unit_price: "19.99", total: "39.98" },
    { title: "Mug", quantity: 1, unit_price: "1234.50", total: "1234.50" },
  ],
  subtotal: "1274.48",
  discount: "0.00",
  shipping: "4.90",
  tax: "0.00",
  total: "1279.38",
  refunded: "39.98",
  tracking: [],
  order_url: "https://shop.example/orders/order_1",
  shop_name: "Test Shop",
}

describe("email locale and money", () => {
  it("uses the language of a supported preference and English otherwise", () => {
    expect(emailLocaleOf("de")).toBe("de")
    expect(emailLocaleOf("de-AT")).toBe("de")
    expect(emailLocaleOf("DE_ch")).toBe("de")
    expect(emailLocaleOf("fr")).toBe("en")
    expect(emailLocaleOf("")).toBe("en")
    expect(emailLocaleOf(null)).toBe("en")
    expect(emailLocaleOf(undefined)).toBe("en")
  })

  it("formats the decimal string in the order's currency for the reader, without float rounding", () => {
    expect(formatMoney("1234.50", "usd", "en")).toBe("$1,234.50")
    expect(formatMoney("1234.50", "eur", "de")).toBe("1.234,50\u00a0€")
    expect(formatMoney("0.10", "eur", "en")).toBe("€0.10")
    // 1.005 is 1.00499… as a float; as a decimal it rounds half up to 1.01.
    expect(formatMoney("1.005", "usd", "en")).toBe("$1.01")
    expect(formatMoney("1000", "jpy", "en")).toBe("¥1,000")
  })

  it("says an unknown currency plainly instead of failing", () => {
    expect(formatMoney("5.00", "zz1", "en")).toBe("5.00 ZZ1")
  })
})

describe("orderEmailKindOf", () => {
  it("confirms the first entry and mails every other status it reached", () => {
    expect(orderEmailKindOf({ from: null, to: "pending" })).toBe("placed")
    expect(orderEmailKindOf({ from: "pending", to: "paid" })).toBe("paid")
    expect(orderEmailKindOf({ from: "paid", to: "processing" })).toBe("processing")
    expect(orderEmailKindOf({ from: "processing", to: "shipped" })).toBe("shipped")
    expect(orderEmailKindOf({ from: "shipped", to: "delivered" })).toBe("delivered")
    expect(orderEmailKindOf({ from: "paid", to: "cancelled" })).toBe("cancelled")
    expect(orderEmailKindOf({ from: "delivered", to: "refunded" })).toBe("refunded")
    expect(orderEmailKindOf({ from: "paid", to: "partially_refunded" })).toBe("partially_refunded")
  })

  it("sends nothing for a move back to pending", () => {
    expect(orderEmailKindOf({ from: "paid", to: "pending" })).toBeNull()
  })
})

describe("orderEmailDocument", () => {
  it("lists the items and totals of a placed order in the order's currency", () => {
    const document = orderEmailDocument("placed", order, "en")
    expect(document.subject).toBe("Order #1042 received")
    expect(document.paragraphs).toEqual([
      "Hello Ada,",
      "We received your order #1042. Here is what you ordered.",
      "Placed on December 5, 2026.",
    ])
    expect(document.table?.rows).toEqual([
      ["Kettle <b>steel</b>", "2", "€39.98"],
      ["Mug", "1", "€1,234.50"],
    ])
    expect(document.summary).toEqual([
      { label: "Subtotal", value: "€1,274.48" },
      { label: "Shipping", value: "€4.90" },
      { label: "Tax", value: "€0.00" },
      { label: "Total", value: "€1,279.38", strong: true },
    ])
    expect(document.button).toEqual({ label: "View your order", url: order.order_url })
  })

  it("shows a discount when there is one", () => {
    const document = orderEmailDocument("placed", { ...order, discount: "5.00" }, "en")
    expect(document.summary).toContainEqual({ label: "Discount", value: "-€5.00" })
  })

  it("writes German for a German reader, money the German way", () => {
    const document = orderEmailDocument("placed", order, "de")
    expect(document.subject).toBe("Bestellung #1042 eingegangen")
    expect(document.paragraphs[0]).toBe("Hallo Ada,")
    expect(document.paragraphs[2]).toBe("Bestellt am 5. Dezember 2026.")
    expect(document.summary?.at(-1)).toEqual({
      label: "Gesamt",
      value: "1.279,38\u00a0€",
      strong: true,
    })
  })

  it("gives the tracking of a shipped order when known, and says it will follow otherwise", () => {
    const tracked = orderEmailDocument(
      "shipped",
      { ...order, tracking: [{ number: "1Z999", url: "https://track.example/1Z999" }] },
      "en"
    )
    expect(tracked.subject).toBe("Order #1042 has shipped")
    expect(tracked.summary).toEqual([
      { label: "Tracking", value: "1Z999 https://track.example/1Z999" },
    ])
    const untracked = orderEmailDocument("shipped", order, "en")
    expect(untracked.summary).toBeUndefined()
    expect(untracked.paragraphs.at(-1)).toMatch(/tracking details/)
  })

  it("states the refunded amount", () => {
    const full = orderEmailDocument("refunded", order, "en")
    expect(full.paragraphs[1]).toContain("We refunded €39.98 for order #1042")
    expect(full.summary?.[0]).toEqual({ label: "Refunded", value: "€39.98", strong: true })
    const partial = orderEmailDocument("partially_refunded", order, "de")
    expect(partial.subject).toBe("Teilerstattung für Bestellung #1042")
    expect(partial.paragraphs[1]).toContain("39,98\u00a0€")
  })

  it("shows refunds and tracking only in the kinds that read them (ORDER_EMAIL_EXTRAS)", () => {
    const shipped = { ...order, tracking: [{ number: "1Z999", url: null }] }
    const { refunded: _refunded, tracking: _tracking, ...bare } = shipped
    for (const kind of ORDER_EMAIL_KINDS) {
      const extras = ORDER_EMAIL_EXTRAS[kind]
      const read = {
        ...bare,
        ...(extras.refunds ? { refunded: shipped.refunded } : {}),
        ...(extras.tracking ? { tracking: shipped.tracking } : {}),
      }
      // What a kind does not read must not change its email.
      expect({ kind, email: orderEmailDocument(kind, read, "en") }).toEqual({
        kind,
        email: orderEmailDocument(kind, shipped, "en"),
      })
    }
    // A kind that shows them refuses data without them, rather than show "€0.00".
    expect(() => orderEmailDocument("refunded", bare, "en")).toThrow(/without the refunds/)
    expect(() => orderEmailDocument("partially_refunded", bare, "en")).toThrow(/refunds/)
    expect(() => orderEmailDocument("shipped", bare, "en")).toThrow(/without the tracking/)
  })

  it("has a subject and heading for every kind in both languages", () => {
    for (const locale of ["en", "de"] as const) {
      const subjects = ORDER_EMAIL_KINDS.map(
        (kind) => orderEmailDocument(kind, order, locale).subject
      )
      expect(new Set(subjects).size).toBe(ORDER_EMAIL_KINDS.length)
      for (const subject of subjects) {
        expect(subject).toContain("#1042")
      }
    }
  })

  it("greets without a name when none is known and leaves the button out without a page", () => {
    const document = orderEmailDocument(
      "paid",
      { ...order, customer_name: null, order_url: null },
      "en"
    )
    expect(document.paragraphs).toEqual([
      "Hello,",
      "We received your payment of €1,279.38 for order #1042.",
    ])
    expect(document.button).toBeUndefined()
  })
})

describe("renderEmail", () => {
  it("renders HTML through MJML and a text part with the same content, values escaped", async () => {
    const email = await renderEmail(orderEmailDocument("placed", order, "en"))
    expect(email.subject).toBe("Order #1042 received")
    expect(email.html).toMatch(/^<!doctype html>/i)
    expect(email.html).toContain("Kettle &#60;b&#62;steel&#60;/b&#62;")
    expect(email.html).not.toContain("<b>steel</b>")
    expect(email.html).toContain('href="https://shop.example/orders/order_1"')
    expect(email.html).toContain("€1,279.38")
    expect(email.text).toContain("- Kettle <b>steel</b> | 2 | €39.98")
    expect(email.text).toContain("Total: €1,279.38")
    expect(email.text).toContain("View your order: https://shop.example/orders/order_1")
    expect(email.text).not.toMatch(/<(td|tr|div|mj-)/)
  })

  it("sets the document language", async () => {
    const email = await renderEmail(orderEmailDocument("paid", order, "de"), "de")
    expect(email.html).toMatch(/<html[^>]*lang="de"/)
  })

  it("fills a compiled skeleton to exactly what MJML renders for the document itself", async () => {
    const direct = async (document: EmailDocument, lang: string) =>
      (await mjml2html(emailMjml(document, lang), { validationLevel: "strict", minify: false }))
        .html
    const hostile = {
      ...order,
      customer_name: `O'Brien & "Sons" MJVALUE0EULAVJM <script>`,
      items: [{ ...order.items[0], title: "MJVALUE3EULAVJM & <i>x</i>" }, ...order.items],
      order_url: "https://shop.example/orders/o?a=1&b=<2>",
    }
    const documents: [EmailDocument, string][] = [
      [orderEmailDocument("placed", order, "en"), "en"],
      [orderEmailDocument("placed", hostile, "en"), "en"],
      [orderEmailDocument("refunded", hostile, "de"), "de"],
      [orderEmailDocument("shipped", order, "de"), "de"],
      [
        {
          ...orderEmailDocument("paid", order, "en"),
          heading: "  spaced heading  ",
          paragraphs: ["  leading and trailing  ", "plain"],
          footer: " footer ",
        },
        "en",
      ],
      [adminPasswordResetDocument("https://admin.example/reset?t=a&b", "Shop", "en"), "en"],
    ]
    for (const [document, lang] of documents) {
      // Twice: the first compiles the shape, the second fills the cached skeleton.
      expect((await renderEmail(document, lang)).html).toBe(await direct(document, lang))
      expect((await renderEmail(document, lang)).html).toBe(await direct(document, lang))
    }
  })

  it("puts a table's lines as text lines", () => {
    const text = emailText({
      subject: "s",
      preheader: "p",
      heading: "H",
      paragraphs: ["one"],
      table: { columns: ["A", "B", "C"], rows: [["x", "1", "2"]] },
      footer: "f",
    })
    expect(text).toBe("H\n\none\n\nA | B | C\n- x | 1 | 2\n\n--\nf")
  })
})

describe("dashboard emails", () => {
  it("links the dashboard's reset page with the token and the email, encoded", () => {
    const link = dashboardLink("http://localhost:9000/app/", "reset-password", {
      token: "a.b+c",
      email: "ann+admin@shop.test",
    })
    expect(link).toBe(
      "http://localhost:9000/app/reset-password?token=a.b%2Bc&email=ann%2Badmin%40shop.test"
    )
    const url = new URL(link)
    expect(url.searchParams.get("token")).toBe("a.b+c")
    expect(url.searchParams.get("email")).toBe("ann+admin@shop.test")
    expect(dashboardLink("http://x/app", "inventory", {})).toBe("http://x/app/inventory")
  })

  it("writes the reset and invite emails with their buttons", () => {
    const reset = adminPasswordResetDocument("http://x/app/reset-password?token=t", "Shop", "en")
    expect(reset.subject).toBe("Reset your admin password")
    expect(reset.button?.url).toBe("http://x/app/reset-password?token=t")
    const invite = inviteDocument(
      "http://x/app/invite?token=t",
      "2026-12-06T00:00:00Z",
      "Shop",
      "de"
    )
    expect(invite.subject).toBe("Einladung zum Shop-Dashboard")
    expect(invite.paragraphs[1]).toBe("Die Einladung gilt bis 6. Dezember 2026.")
  })

  it("lists a low-stock digest fewest units first and counts its products", () => {
    const lines = [
      { title: "Bowl", stock_quantity: 4, threshold: 5 },
      { title: "Anvil", stock_quantity: 0, threshold: 5 },
      { title: "Cup", stock_quantity: 4, threshold: 5 },
    ]
    const document = lowStockDigestDocument(lines, "http://x/app/inventory", "Shop", "en")
    expect(document.subject).toBe("Low stock: 3 products")
    expect(document.table?.rows.map(([title]) => title)).toEqual(["Anvil", "Bowl", "Cup"])
    expect(lowStockDigestDocument([lines[0]], "l", "Shop", "en").subject).toBe(
      "Low stock: 1 product"
    )
    expect(lowStockFeedEntry(lines, "en")).toEqual({
      title: "Low stock: 3 products",
      description: "Anvil: 0\nBowl: 4\nCup: 4",
    })
  })
})

describe("delivery keys", () => {
  it("name the cause and the recipient, without case, and never a raw token", () => {
    expect(deliveryKey("order.status_changed", "osc_1", " Ann@Shop.test ")).toBe(
      "order.status_changed:osc_1:ann@shop.test"
    )
    const digest = tokenDigest("secret-token")
    expect(digest).toMatch(/^[0-9a-f]{32}$/)
    expect(digest).not.toContain("secret")
    expect(tokenDigest("secret-token")).toBe(digest)
    expect(tokenDigest("other-token")).not.toBe(digest)
  })

  it("builds an email notification with the rendered parts", () => {
    expect(
      emailNotification(
        "a@shop.test",
        "order-paid",
        { subject: "S", text: "T", html: "<p>H</p>" },
        { resource_id: "order_1" }
      )
    ).toEqual({
      to: "a@shop.test",
      channel: "email",
      template: "order-paid",
      content: { subject: "S", text: "T", html: "<p>H</p>" },
      resource_id: "order_1",
    })
  })
})

describe("nextRetryDelayMs", () => {
  it("doubles the wait after each failed run and stops after the last attempt", () => {
    expect([1, 2, 3, 4].map((attempt) => nextRetryDelayMs(attempt, 5, 1000))).toEqual([
      1000, 2000, 4000, 8000,
    ])
    expect(nextRetryDelayMs(5, 5, 1000)).toBeNull()
    expect(nextRetryDelayMs(1, 1, 1000)).toBeNull()
  })

  it("never waits longer than the cap", () => {
    expect(nextRetryDelayMs(20, 30, 5000)).toBe(MAX_RETRY_DELAY_MS)
  })
})

describe("reasonOf", () => {
  it("logs a failure's message, whether an Error or a workflow's serialized error", () => {
    expect(reasonOf(new Error("SMTP down"))).toBe("SMTP down")
    expect(reasonOf({ message: "1 of 1 notifications failed", name: "Error" })).toBe(
      "1 of 1 notifications failed"
    )
    expect(reasonOf({ code: "ECONNREFUSED" })).toBe('{"code":"ECONNREFUSED"}')
    expect(reasonOf("timeout")).toBe("timeout")
    expect(reasonOf(undefined)).toBe("undefined")
  })
})
