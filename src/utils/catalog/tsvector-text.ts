import type { DocumentLexeme } from "./rank-cd"

const WEIGHT_OF_LETTER: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 }

/**
 * A tsvector as PostgreSQL prints it (`'lamp':1A,4 'o''neil':2B`): its lexemes in the
 * vector's own order (tsvector_out), each with its positions and their weights (3 = A … 0 =
 * D, printed as no letter). Inside quotes a quote or a backslash is doubled. A lexeme
 * printed without positions gets position 0 of weight D, what `ts_rank_cd` counts for it
 * (POSNULL in tsrank.c). Null for text that is not such a vector.
 */
export function parseTsvector(text: string): DocumentLexeme[] | null {
  const lexemes: DocumentLexeme[] = []
  let at = 0
  while (at < text.length) {
    if (text[at] === " ") {
      at++
      continue
    }
    if (text[at] !== "'") {
      return null
    }
    // The closing quote: the first one not doubled.
    let end = at + 1
    let doubled = false
    for (;;) {
      end = text.indexOf("'", end)
      if (end < 0) {
        return null
      }
      if (text[end + 1] !== "'") {
        break
      }
      doubled = true
      end += 2
    }
    let lexeme = text.slice(at + 1, end)
    if (doubled || lexeme.includes("\\")) {
      lexeme = lexeme.replace(/''|\\\\/g, (pair) => pair[0])
    }
    at = end + 1
    const positions: number[] = []
    const weights: number[] = []
    if (text[at] === ":") {
      do {
        at++
        let pos = 0
        const first = at
        for (let code = text.charCodeAt(at); code >= 48 && code <= 57; code = text.charCodeAt(at)) {
          pos = pos * 10 + code - 48
          at++
        }
        if (at === first) {
          return null
        }
        const weight = WEIGHT_OF_LETTER[text[at]]
        if (weight !== undefined) {
          at++
        }
        positions.push(pos)
        weights.push(weight ?? 0)
      } while (text[at] === ",")
      if (at < text.length && text[at] !== " ") {
        return null
      }
    } else {
      positions.push(0)
      weights.push(0)
    }
    lexemes.push({ lexeme, positions, weights })
  }
  return lexemes
}
