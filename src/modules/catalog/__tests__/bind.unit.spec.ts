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

  it("gathers each call's own values when the statement was compiled before", () => {
    const sql = "select :a::int, :b::text, :a::int"
    expect(bindNamed(sql, { a: 1, b: "x" })).toEqual([
      "select ?::int, ?::text, ?::int",
      [1, "x", 1],
    ])
    expect(bindNamed(sql, { a: 2, b: null })).toEqual([
      "select ?::int, ?::text, ?::int",
      [2, null, 2],
    ])
    expect(() => bindNamed(sql, { a: 3 })).toThrow("SQL parameter :b has no value")
  })

  it("refuses a placeholder without a value", () => {
    expect(() => bindNamed("select :missing", {})).toThrow("SQL parameter :missing has no value")
  })
})
