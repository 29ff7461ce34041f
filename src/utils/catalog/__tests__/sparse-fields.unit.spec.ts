import { entityTag, renderedAnswer } from "../rendered-answer"
import { parseFieldSet, projectPage, projectProduct } from "../sparse-fields"

const ALLOWED = ["id", "name", "price", "tags"]

describe("parseFieldSet", () => {
  it("keeps the allowed order whatever the given one, adds id, drops repeats", () => {
    expect(parseFieldSet("price, name,price", ALLOWED)).toEqual({
      fields: ["id", "name", "price"],
      unknown: [],
    })
  })

  it("lists unknown and empty names", () => {
    expect(parseFieldSet("name,secret,,__proto__", ALLOWED).unknown).toEqual([
      "secret",
      "",
      "__proto__",
    ])
  })
})

describe("projection", () => {
  const product = { id: "p1", name: "Lamp", price: "9.50", tags: ["a"], description: "long" }

  it("projects one product and every item of a page, keeping the envelope", () => {
    expect(JSON.parse(projectProduct(JSON.stringify(product), ["id", "price"]))).toEqual({
      id: "p1",
      price: "9.50",
    })
    const page = { items: [product, { ...product, id: "p2" }], count: 2, limit: 20, offset: 0 }
    expect(JSON.parse(projectPage(JSON.stringify(page), ["id", "name"]))).toEqual({
      items: [
        { id: "p1", name: "Lamp" },
        { id: "p2", name: "Lamp" },
      ],
      count: 2,
      limit: 20,
      offset: 0,
    })
  })
})

describe("entityTag", () => {
  it("is weak, stable for the same bytes and different for others", () => {
    const tag = entityTag('{"a":1}')
    expect(tag).toMatch(/^W\/"[A-Za-z0-9_-]{27}"$/)
    expect(renderedAnswer('{"a":1}')).toEqual({ body: '{"a":1}', etag: tag })
    expect(entityTag('{"a":2}')).not.toBe(tag)
  })
})
