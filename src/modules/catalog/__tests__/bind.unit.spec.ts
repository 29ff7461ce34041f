import { bindNamed } from "../sql/bind"

describe("bindNamed", () => {
  it("turns named placeholders into positional bindings, in order, repeats included", () => {
    expect(bindNamed("select :a::int + :b, :a", { a: 1, b: "x" })).toEqual([
      "select ?::int + ?, ?",
      [1, "x", 1],
    ])
  })

  it("leaves casts and quoted literals alone", () => {
    const sql = "select regexp_replace(:q, '[^[:alnum:]]+', ' ', 'g')::text, 'it''s :not'"
    expect(bindNamed(sql, { q: "wireles" })).toEqual([
      "select regexp_replace(?, '[^[:alnum:]]+', ' ', 'g')::text, 'it''s :not'",
      ["wireles"],
    ])
  })

  it("refuses a placeholder without a value", () => {
    expect(() => bindNamed("select :missing", {})).toThrow("SQL parameter :missing has no value")
  })
})
