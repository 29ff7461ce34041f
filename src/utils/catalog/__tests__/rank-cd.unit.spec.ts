import {
  isDisjunction,
  parseTsquery,
  rankCoverDensity,
  rankDisjunction,
  type DocumentLexeme,
  type TsqueryNode,
} from "../rank-cd"

// setweight(to_tsvector('simple', 'smart notebook'), 'A') ||
//   setweight(to_tsvector('simple', 'office bench'), 'B') ||
//   to_tsvector('simple', 'smart notebook for everyday use smart'), as PostgreSQL 15 prints it:
// 'bench':4B 'everyday':8 'for':7 'notebook':2A,6 'office':3B 'smart':1A,5,10 'use':9
const A = 3
const B = 2
const D = 0
const DOCUMENT: DocumentLexeme[] = [
  { lexeme: "bench", positions: [4], weights: [B] },
  { lexeme: "everyday", positions: [8], weights: [D] },
  { lexeme: "for", positions: [7], weights: [D] },
  { lexeme: "notebook", positions: [2, 6], weights: [A, D] },
  { lexeme: "office", positions: [3], weights: [B] },
  { lexeme: "smart", positions: [1, 5, 10], weights: [A, D, D] },
  { lexeme: "use", positions: [9], weights: [D] },
]

describe("ts_rank_cd ported", () => {
  // ts_rank_cd(document, query)::text from PostgreSQL 15 for the same document.
  it.each([
    ["'notebook'", "1.1"],
    ["'smart' & 'notebook'", "1.1856061"],
    ["'smart' | 'office'", "1.6"],
    ["'note':*", "1.1"],
    ["'bench':B", "0.4"],
    ["'bench':A", "0"],
    ["'smart' & 'use'", "0.125"],
    ["'lamp'", "0"],
    ["'smart' & ( 'office' | 'use' )", "0.49071428"],
  ])("ranks %s as PostgreSQL does (%s)", (tsquery, expected) => {
    const query = parseTsquery(tsquery)
    expect(query).not.toBeNull()
    expect(rankCoverDensity(DOCUMENT, query!)).toBe(Math.fround(Number(expected)))
  })

  it("reads PostgreSQL's printed tsqueries: quotes, prefixes, weights, precedence", () => {
    expect(parseTsquery("'it''s':*AB & ( 'a' | 'b' )")).toEqual({
      type: "and",
      left: { type: "operand", id: 0, lexeme: "it's", prefix: true, weights: 0b1100 },
      right: {
        type: "or",
        left: { type: "operand", id: 1, lexeme: "a", prefix: false, weights: 0 },
        right: { type: "operand", id: 2, lexeme: "b", prefix: false, weights: 0 },
      },
    })
    // PostgreSQL doubles a backslash in a lexeme too: `select $$'a\b'$$::tsquery` prints 'a\\b'.
    expect(parseTsquery("'a\\\\b'")).toMatchObject({ lexeme: "a\\b" })
    // `&` binds tighter than `|`.
    expect(parseTsquery("'a' | 'b' & 'c'")).toMatchObject({
      type: "or",
      right: { type: "and" },
    })
  })

  it("refuses what it cannot rank: negation, phrases, broken text", () => {
    for (const text of ["!'a'", "'a' <-> 'b'", "'a' &", "( 'a'", "a & b", ""]) {
      expect(parseTsquery(text)).toBeNull()
    }
  })
})

describe("rankDisjunction", () => {
  it("equals the full port for ORed operands", () => {
    const document: DocumentLexeme[] = [
      { lexeme: "desk", positions: [2, 9], weights: [3, 1] },
      { lexeme: "lamp", positions: [1, 5, 7], weights: [3, 2, 0] },
      { lexeme: "lampshade", positions: [3], weights: [0] },
    ]
    const query = parseTsquery("'lamp':* | 'desk'") as TsqueryNode
    expect(isDisjunction(query)).toBe(true)
    expect(isDisjunction(parseTsquery("'lamp' & 'desk'") as TsqueryNode)).toBe(false)
    // Every occurrence, in position order: 1A 2A 3D 5B 7D 9C.
    const occurrences = [1 * 4 + 3, 2 * 4 + 3, 3 * 4 + 0, 5 * 4 + 2, 7 * 4 + 0, 9 * 4 + 1]
    expect(rankDisjunction(occurrences)).toBe(rankCoverDensity(document, query))
  })
})

describe("parseTsquery of nested groups", () => {
  it("reads parentheses written together", () => {
    const query = parseTsquery("(( 'red' | 'reds' ) & 'shirt') & ('lamp')")
    expect(query).not.toBeNull()
    expect(isDisjunction(query as TsqueryNode)).toBe(false)
    expect(parseTsquery("!'lamp'")).toBeNull()
    expect(parseTsquery("'a' <-> 'b'")).toBeNull()
  })
})
