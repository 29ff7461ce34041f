import { CURSOR_KEY_TYPES, decodeCursor, encodeCursor, MAX_CURSOR_LENGTH } from "../cursor"

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

describe("catalog cursors", () => {
  it("round-trips the key of every sort", () => {
    const keys: Record<keyof typeof CURSOR_KEY_TYPES, string[]> = {
      newest: ["1767225601123456", "prod_01"],
      price_asc: ["19.990000", "prod_02"],
      price_desc: ["-1", "prod_03"],
      name: ["wireless mouse — “ünïcode”", "prod_04"],
      rating: ["4.5", "12", "prod_05"],
      relevance: ["true", "0.123456789", "prod_06"],
    }
    for (const [sort, key] of Object.entries(keys) as [keyof typeof keys, string[]][]) {
      const cursor = encodeCursor(sort, key)
      expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/)
      expect(decodeCursor(cursor, sort)).toEqual({ keys: key })
    }
  })

  it("refuses a cursor made for another sort", () => {
    const cursor = encodeCursor("price_asc", ["19.99", "prod_1"])
    expect(decodeCursor(cursor, "price_desc")).toEqual({
      error: expect.stringContaining("another sort"),
    })
  })

  it("refuses malformed or tampered cursors", () => {
    const bad = [
      "",
      "not base64!",
      "x".repeat(MAX_CURSOR_LENGTH + 1),
      Buffer.from("not json").toString("base64url"),
      b64(["newest"]),
      b64({ s: "newest" }),
      b64({ s: "newest", k: ["1", "prod_1"], extra: 1 }),
      b64({ s: "newest", k: ["1"] }),
      b64({ s: "newest", k: ["1", "prod_1", "more"] }),
      b64({ s: "newest", k: [1, "prod_1"] }),
      b64({ s: "newest", k: ["2026-01-01", "prod_1"] }),
      b64({ s: "newest", k: ["1", "prod\u0000"] }),
      b64({ s: "price_asc", k: ["1e3", "prod_1"] }),
      b64({ s: "price_asc", k: ["12345678901234567", "prod_1"] }),
      b64({ s: "rating", k: ["NaN", "1", "prod_1"] }),
      b64({ s: "rating", k: ["4.5", "3000000000", "prod_1"] }),
      b64({ s: "relevance", k: ["yes", "0.1", "prod_1"] }),
      b64({ s: "name", k: ["x".repeat(2000), "prod_1"] }),
      b64({ s: "drop table", k: [] }),
    ]
    for (const cursor of bad) {
      expect({ cursor, result: decodeCursor(cursor, "newest") }).toEqual({
        cursor,
        result: { error: expect.any(String) },
      })
    }
    // Each per-sort case again under its own sort, so the key check (not the sort) refuses it.
    expect(decodeCursor(b64({ s: "price_asc", k: ["1e3", "p"] }), "price_asc")).toHaveProperty(
      "error"
    )
    expect(
      decodeCursor(b64({ s: "rating", k: ["4.5", "3000000000", "p"] }), "rating")
    ).toHaveProperty("error")
    expect(
      decodeCursor(b64({ s: "relevance", k: ["yes", "0.1", "p"] }), "relevance")
    ).toHaveProperty("error")
    expect(decodeCursor(b64({ s: "newest", k: ["1", "p\u0000"] }), "newest")).toHaveProperty(
      "error"
    )
  })
})
