import { z } from "@medusajs/framework/zod"
import { paginationQuery, listEnvelope, listSchema } from "../../../utils/pagination"
import { nulFieldErrors, toFieldErrors } from "../validation"

describe("toFieldErrors", () => {
  const schema = z
    .object({
      email: z.string().email(),
      age: z.number().int(),
      address: z.object({ city: z.string() }),
    })
    .strict()

  it("names each field, nested ones with dots, and unknown ones separately", () => {
    const result = schema.safeParse({ email: "nope", address: { city: 3 }, extra: 1, more: 2 })
    expect(result.success).toBe(false)
    const errors = toFieldErrors(result.error!.issues)
    expect(errors).toEqual(
      expect.arrayContaining([
        { field: "email", message: expect.stringMatching(/email/i) },
        { field: "age", message: "Required" },
        { field: "address.city", message: expect.any(String) },
        { field: "extra", message: "Unknown field" },
        { field: "more", message: "Unknown field" },
      ])
    )
    expect(errors).toHaveLength(5)
  })

  it("names the root when the whole value is wrong", () => {
    const result = schema.safeParse("a string")
    expect(toFieldErrors(result.error!.issues)).toEqual([
      { field: "(root)", message: expect.any(String) },
    ])
  })
})

describe("pagination", () => {
  it.each([
    [{}, { limit: 20, offset: 0 }],
    [
      { limit: "5", offset: "10" },
      { limit: 5, offset: 10 },
    ],
    [{ limit: "100" }, { limit: 100, offset: 0 }],
    [{ limit: "101" }, { limit: 100, offset: 0 }],
    [{ limit: "100000" }, { limit: 100, offset: 0 }],
  ])("reads %j as %j", (query, page) => {
    expect(paginationQuery.parse(query)).toEqual(page)
  })

  it.each([{ limit: "0" }, { limit: "-1" }, { limit: "2.5" }, { limit: "x" }, { offset: "-3" }])(
    "rejects %j",
    (query) => {
      expect(paginationQuery.safeParse(query).success).toBe(false)
    }
  )

  it("wraps a page of items in the list envelope", () => {
    expect(listEnvelope(["a"], 41, { limit: 1, offset: 40 })).toEqual({
      items: ["a"],
      count: 41,
      limit: 1,
      offset: 40,
    })
    expect(listSchema(z.string()).parse({ items: ["a"], count: 1, limit: 1, offset: 0 })).toEqual({
      items: ["a"],
      count: 1,
      limit: 1,
      offset: 0,
    })
  })
})

describe("nulFieldErrors", () => {
  it("names every field whose string holds a NUL, at any depth", () => {
    expect(
      nulFieldErrors({
        q: "lamp\u0000",
        items: [{ name: "ok" }, { name: "a\u0000b" }],
        nested: { deeper: { note: "\u0000" } },
        count: 3,
      }).map((error) => error.field)
    ).toEqual(expect.arrayContaining(["q", "items.1.name", "nested.deeper.note"]))
    expect(nulFieldErrors({ q: "lamp", items: [1, null, { a: "b" }] })).toEqual([])
  })

  it("names fields whose name holds a NUL, and does not descend into them", () => {
    expect(nulFieldErrors({ ok: 1, nested: { "a\u0000b": { c: "d\u0000" } } })).toEqual([
      { field: "nested.a\\0b", message: "Field names must not contain NUL" },
    ])
  })

  it("handles nesting deeper than the call stack", () => {
    let deep: unknown = "x\u0000"
    for (let level = 0; level < 100_000; level += 1) {
      deep = [deep]
    }
    expect(nulFieldErrors(deep)).toHaveLength(1)
  })
})
