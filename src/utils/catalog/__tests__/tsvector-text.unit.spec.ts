import { compareCodepoints } from "../codepoint-order"
import { parseTsvector } from "../tsvector-text"

describe("parseTsvector", () => {
  it("reads lexemes in the vector's order with their positions and weights", () => {
    expect(parseTsvector("'lamp':1A,4 'desk':2B,3C")).toEqual([
      { lexeme: "lamp", positions: [1, 4], weights: [3, 0] },
      { lexeme: "desk", positions: [2, 3], weights: [2, 1] },
    ])
  })

  it("undoubles quotes and backslashes inside a lexeme", () => {
    expect(parseTsvector("'a\\\\b':2 'o''neil':1A,3 'x\\\\':4B")).toEqual([
      { lexeme: "a\\b", positions: [2], weights: [0] },
      { lexeme: "o'neil", positions: [1, 3], weights: [3, 0] },
      { lexeme: "x\\", positions: [4], weights: [2] },
    ])
  })

  it("gives a lexeme without positions position 0 of weight D, as ts_rank_cd counts it", () => {
    expect(parseTsvector("'nopos' 'b':7")).toEqual([
      { lexeme: "nopos", positions: [0], weights: [0] },
      { lexeme: "b", positions: [7], weights: [0] },
    ])
  })

  it("reads an empty vector as no lexemes", () => {
    expect(parseTsvector("")).toEqual([])
  })

  it.each(["lamp:1", "'lamp", "'lamp':", "'lamp':x", "'lamp':1Z", "'a':1,"])(
    "refuses %s",
    (text) => {
      expect(parseTsvector(text)).toBeNull()
    }
  )
})

describe("compareCodepoints", () => {
  it("orders by code point, as the C collation does", () => {
    const words = ["b", "a", "ab", "", "\u{1F600}", "\uFFFD", "Z", "é"]
    expect([...words].sort(compareCodepoints)).toEqual([
      "",
      "Z",
      "a",
      "ab",
      "b",
      "é",
      "\uFFFD",
      "\u{1F600}",
    ])
  })

  it("is zero only for equal strings", () => {
    expect(compareCodepoints("same", "same")).toBe(0)
    expect(compareCodepoints("a", "b")).toBeLessThan(0)
    expect(compareCodepoints("b", "a")).toBeGreaterThan(0)
  })
})
