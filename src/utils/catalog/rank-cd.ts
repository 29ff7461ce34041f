/**
 * PostgreSQL's `ts_rank_cd(vector, query)` (cover density ranking, no normalization),
 * ported from `calc_rank_cd`, `Cover` and `get_docrep` of src/backend/utils/adt/tsrank.c
 * (PostgreSQL 15), for ranking searches outside the database (docs/DECISIONS.md, "Search
 * from an in-process index"). Exact: the same float4 result, checked against PostgreSQL
 * by bench/catalog-rank-check.ts. Queries of `&`, `|` and operands (exact or prefix, any
 * weight), which is what the catalog's tsqueries hold; `!` and phrase operators are not
 * supported (`parseTsquery` refuses them).
 */

/**
 * A lexeme's positions in a document, each with its weight (3 = A … 0 = D). A document is
 * its lexemes in the tsvector's own order (`unnest(vector) with ordinality`): two
 * occurrences at one position and weight are ordered by it, as PostgreSQL orders them.
 */
export type DocumentLexeme = { lexeme: string; positions: number[]; weights: number[] }

export type TsqueryNode =
  | { type: "operand"; id: number; lexeme: string; prefix: boolean; weights: number }
  | { type: "and" | "or"; left: TsqueryNode; right: TsqueryNode }

/** The weights of D, C, B and A as float4, PostgreSQL's defaults. */
const WEIGHTS = [0.1, 0.2, 0.4, 1.0].map((weight) => Math.fround(weight))
const INVERSE_WEIGHTS = WEIGHTS.map((weight) => 1.0 / weight)
const WEIGHT_OF_LETTER: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 }
/** What one occurrence of each weight adds when it is a cover alone (cpos, no noise). */
const COVER_OF_ONE = INVERSE_WEIGHTS.map((inverse) => 1 / inverse)

/**
 * A tsquery as PostgreSQL prints it (`'a' & ( 'b':* | 'c' )`): operands quoted (quotes
 * doubled), `:*` for a prefix and weight letters after the colon; `&` binds tighter than
 * `|`. Null for anything else (`!`, `<->`).
 */
export function parseTsquery(text: string): TsqueryNode | null {
  // Parentheses, `&` and `|` one character each (PostgreSQL prints `( (` but a caller may
  // write `((`); anything else (`!`, `<->`) is a token that fails the parse.
  const tokens = text.match(/'(?:[^']|'')*'(?::[*A-D]+)?|[()&|]|[!<>\-0-9]+|\S/g) ?? []
  let at = 0
  let ids = 0
  const fail = (): never => {
    throw new Error("unsupported tsquery")
  }
  const primary = (): TsqueryNode => {
    const token = tokens[at++] ?? fail()
    if (token === "(") {
      const inner = or()
      if (tokens[at++] !== ")") fail()
      return inner
    }
    if (!token.startsWith("'")) fail()
    const end = token.lastIndexOf("'")
    const flags = token.slice(end + 1).replace(/^:/, "")
    let weights = 0
    for (const letter of flags.replace("*", "")) {
      weights |= 1 << WEIGHT_OF_LETTER[letter]
    }
    return {
      type: "operand",
      id: ids++,
      // PostgreSQL prints a quote or a backslash inside a lexeme doubled (tsquery.c, infix).
      lexeme: token.slice(1, end).replace(/''|\\\\/g, (pair) => pair[0]),
      prefix: flags.includes("*"),
      weights,
    }
  }
  const and = (): TsqueryNode => {
    let left = primary()
    while (tokens[at] === "&") {
      at++
      left = { type: "and", left, right: primary() }
    }
    return left
  }
  const or = (): TsqueryNode => {
    let left = and()
    while (tokens[at] === "|") {
      at++
      left = { type: "or", left, right: and() }
    }
    return left
  }
  try {
    const root = or()
    return at === tokens.length ? root : null
  } catch {
    return null
  }
}

/** The query's operands, by id. */
export function operandsOf(
  node: TsqueryNode,
  into: Extract<TsqueryNode, { type: "operand" }>[] = []
) {
  if (node.type === "operand") {
    into[node.id] = node
  } else {
    operandsOf(node.left, into)
    operandsOf(node.right, into)
  }
  return into
}

function satisfied(node: TsqueryNode, present: Uint8Array): boolean {
  switch (node.type) {
    case "operand":
      return present[node.id] === 1
    case "and":
      return satisfied(node.left, present) && satisfied(node.right, present)
    case "or":
      return satisfied(node.left, present) || satisfied(node.right, present)
  }
}

/** One (lexeme, position) of the document that some operands match (get_docrep). */
type Occurrence = { pos: number; weight: number; entry: number; operands: number[] }

/**
 * One position of the document an operand matched: `entry` is the lexeme's index in the
 * document (the tsvector's order), `weight` 3 = A … 0 = D.
 */
export type MatchedPosition = { pos: number; weight: number; entry: number; operand: number }

function occurrencesOf(
  document: DocumentLexeme[],
  operands: Extract<TsqueryNode, { type: "operand" }>[]
): MatchedPosition[] {
  const found: MatchedPosition[] = []
  for (const operand of operands) {
    document.forEach((entry, index) => {
      const matches = operand.prefix
        ? entry.lexeme.startsWith(operand.lexeme)
        : entry.lexeme === operand.lexeme
      if (!matches) {
        return
      }
      entry.positions.forEach((pos, j) => {
        const weight = entry.weights[j]
        if (operand.weights === 0 || operand.weights & (1 << weight)) {
          found.push({ pos, weight, entry: index, operand: operand.id })
        }
      })
    })
  }
  return found
}

/** get_docrep's sort and merge: one occurrence per (position, weight, entry). */
function joinOccurrences(found: MatchedPosition[]): Occurrence[] {
  // compareDocR: by position, then weight, then entry (the tsvector's lexeme order).
  found.sort((a, b) => a.pos - b.pos || a.weight - b.weight || a.entry - b.entry)
  const joined: Occurrence[] = []
  for (const item of found) {
    const last = joined[joined.length - 1]
    if (last && last.pos === item.pos && last.weight === item.weight && last.entry === item.entry) {
      last.operands.push(item.operand)
    } else {
      joined.push({
        pos: item.pos,
        weight: item.weight,
        entry: item.entry,
        operands: [item.operand],
      })
    }
  }
  return joined
}

type Extent = { pos: number; p: number; q: number; begin: number; end: number }

/** `Cover`: the next extent of the document that satisfies the query, from `ext.pos`. */
function cover(doc: Occurrence[], query: TsqueryNode, operandCount: number, ext: Extent): boolean {
  for (;;) {
    let present = new Uint8Array(operandCount)
    let lastpos = ext.pos
    let found = false
    ext.p = Number.MAX_SAFE_INTEGER
    ext.q = 0
    for (let ptr = ext.pos; ptr < doc.length; ptr++) {
      for (const operand of doc[ptr].operands) present[operand] = 1
      if (satisfied(query, present)) {
        if (doc[ptr].pos > ext.q) {
          ext.q = doc[ptr].pos
          ext.end = ptr
          lastpos = ptr
          found = true
        }
        break
      }
    }
    if (!found) {
      return false
    }
    present = new Uint8Array(operandCount)
    let ptr = lastpos
    for (; ptr >= ext.pos; ptr--) {
      for (const operand of doc[ptr].operands) present[operand] = 1
      if (satisfied(query, present)) {
        if (doc[ptr].pos < ext.p) {
          ext.begin = ptr
          ext.p = doc[ptr].pos
        }
        break
      }
    }
    if (ext.p <= ext.q) {
      ext.pos = ptr + 1
      return true
    }
    // PostgreSQL recurses here; a loop does the same.
    ext.pos++
  }
}

/** `ts_rank_cd(document, query)` as PostgreSQL computes it: a float4, as a number. */
export function rankCoverDensity(document: DocumentLexeme[], query: TsqueryNode): number {
  const operands = operandsOf(query)
  return rankMatchedPositions(occurrencesOf(document, operands), query, operands.length)
}

/**
 * The same from the positions the query's operands matched in a document (in any order;
 * the array is sorted in place), for a caller that found them another way (the search
 * index's numbered lexemes).
 */
export function rankMatchedPositions(
  found: MatchedPosition[],
  query: TsqueryNode,
  operandCount: number
): number {
  const doc = joinOccurrences(found)
  if (!doc.length) {
    return 0
  }
  const ext: Extent = { pos: 0, p: 0, q: 0, begin: 0, end: 0 }
  let wdoc = 0.0
  while (cover(doc, query, operandCount, ext)) {
    let invSum = 0.0
    for (let ptr = ext.begin; ptr <= ext.end; ptr++) {
      invSum += INVERSE_WEIGHTS[doc[ptr].weight]
    }
    const cpos = (ext.end - ext.begin + 1) / invSum
    let noise = ext.q - ext.p - (ext.end - ext.begin)
    if (noise < 0) {
      noise = Math.trunc((ext.end - ext.begin) / 2)
    }
    wdoc += cpos / (1 + noise)
  }
  return Math.fround(wdoc)
}

/** Whether the query is operands ORed (no `&`): then every occurrence is a cover of its own. */
export function isDisjunction(node: TsqueryNode): boolean {
  return (
    node.type === "operand" ||
    (node.type === "or" && isDisjunction(node.left) && isDisjunction(node.right))
  )
}

/**
 * `ts_rank_cd` of a disjunction (isDisjunction), from the occurrences it matched (position
 * × 4 + weight, the weight 3 = A … 0 = D) in the document's (position, weight, entry)
 * order, none at position 0: each is
 * its own cover (calc_rank_cd: cpos = 1 / (1 / weight), noise 0), added in that order, so
 * the float4 result is the one rankMatchedPositions computes, at a fraction of its cost.
 */
export function rankDisjunction(occurrences: ArrayLike<number>): number {
  let wdoc = 0.0
  for (let i = 0; i < occurrences.length; i++) {
    wdoc += COVER_OF_ONE[occurrences[i] & 3]
  }
  return Math.fround(wdoc)
}
