/**
 * Checks src/utils/catalog/rank-cd.ts against PostgreSQL: for the tsqueries of random
 * searches (the HTTP scenario's distribution, bench/catalog-search-cpu.ts), every match's
 * `ts_rank_cd` as PostgreSQL computes it and as the port does, compared as float4. Any
 * difference is printed with its query and document; the exit code is 1 when one is found.
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/s5k_cat BENCH_REQUESTS=500 \
 *     npx ts-node --transpile-only bench/catalog-rank-check.ts
 *
 * BENCH_MATCHES (default 400) bounds the matches compared per query.
 */
import { Client } from "pg"
import { bindNamed } from "../src/modules/catalog/sql/bind"
import { TSQUERY_SQL } from "../src/modules/catalog/sql/queries"
import { parseTsquery, rankCoverDensity, type DocumentLexeme } from "../src/utils/catalog/rank-cd"
import { randomQueries } from "./catalog-search-cpu"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 500)
const MATCHES = Number(process.env.BENCH_MATCHES ?? 400)
const WEIGHT: Record<string, number> = { A: 3, B: 2, C: 1, D: 0 }

function positional(sql: string): string {
  let n = 0
  return sql.replace(/('(?:[^']|'')*')|\?/g, (match, literal) => (literal ? match : `$${++n}`))
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  let compared = 0
  let differ = 0
  let unsupported = 0
  let ranked = 0
  const tsqueries = new Set<string>()
  try {
    for (const { q } of randomQueries(REQUESTS)) {
      const [text, values] = bindNamed(TSQUERY_SQL, { q: q as string })
      const tsquery = (await db.query(positional(text), values)).rows[0]?.tsquery as string | null
      if (tsquery) tsqueries.add(tsquery)
    }
    // Hand-made shapes too: prefixes, weights, nested alternatives, a word twice.
    for (const extra of [
      "'mouse':*",
      "'wireless' & 'mouse'",
      "( 'bench' | 'lamp' ) & 'bench-eco'",
      "'bench':B & 'smart':A",
      "'lamp' | 'lamp' & 'home'",
      "( 'a':* | 'b':* ) & ( 'c':* | 'bench' )",
    ]) {
      tsqueries.add(extra)
    }
    for (const tsquery of tsqueries) {
      const query = parseTsquery(tsquery)
      if (!query) {
        unsupported++
        continue
      }
      const { rows } = await db.query(
        `select id, ts_rank_cd(search_vector, $1::tsquery) as rank,
           (select json_agg(json_build_array(l.lexeme, l.positions, l.weights) order by l.n)
             from unnest(search_vector) with ordinality l(lexeme, positions, weights, n)) as lexemes
         from catalog_product where search_vector @@ $1::tsquery order by id limit $2`,
        [tsquery, MATCHES]
      )
      for (const row of rows) {
        const document: DocumentLexeme[] = (
          (row.lexemes ?? []) as [string, number[] | null, string[] | null][]
        ).map(([lexeme, positions, weights]) => ({
          lexeme,
          positions: positions ?? [],
          weights: (weights ?? []).map((letter) => WEIGHT[letter]),
        }))
        const ours = rankCoverDensity(document, query)
        const theirs = Math.fround(Number(row.rank))
        compared++
        if (ours !== theirs) {
          differ++
          if (differ <= 10) {
            process.stdout.write(
              `differs: ${tsquery} on ${row.id}: PostgreSQL ${theirs}, port ${ours}\n`
            )
          }
        }
      }
    }
    // Longer documents than the catalog's (descriptions repeat words; many covers per
    // document), made up from a small vocabulary, with random queries over it.
    const vocabulary = ["red", "lamp", "desk", "light", "oak", "led", "warm", "reading", "lamps"]
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    const word = () => vocabulary[Math.floor(random() * vocabulary.length)]
    const words = (n: number) => Array.from({ length: n }, word).join(" ")
    for (let i = 0; i < Number(process.env.BENCH_RANDOM_DOCS ?? 300); i++) {
      const terms = Array.from({ length: 1 + Math.floor(random() * 4) }, () =>
        random() < 0.2 ? `'${word().slice(0, 3)}':*` : `'${word()}'`
      )
      const tsquery = terms.reduce(
        (left, term) => `( ${left} ${random() < 0.6 ? "&" : "|"} ${term} )`
      )
      const query = parseTsquery(tsquery)
      if (!query) {
        unsupported++
        continue
      }
      const { rows } = await db.query(
        `with d as (select setweight(to_tsvector('simple', $2), 'A') ||
             setweight(to_tsvector('simple', $3), 'B') || to_tsvector('simple', $4) as v)
         select ts_rank_cd(d.v, $1::tsquery) as rank,
           (select json_agg(json_build_array(l.lexeme, l.positions, l.weights) order by l.n)
             from unnest(d.v) with ordinality l(lexeme, positions, weights, n)) as lexemes
         from d`,
        [tsquery, words(3), words(4), words(10 + Math.floor(random() * 60))]
      )
      const document: DocumentLexeme[] = (
        (rows[0].lexemes ?? []) as [string, number[] | null, string[] | null][]
      ).map(([lexeme, positions, weights]) => ({
        lexeme,
        positions: positions ?? [],
        weights: (weights ?? []).map((letter) => WEIGHT[letter]),
      }))
      const ours = rankCoverDensity(document, query)
      const theirs = Math.fround(Number(rows[0].rank))
      compared++
      if (theirs > 0) ranked++
      if (ours !== theirs) {
        differ++
        if (differ <= 10) {
          process.stdout.write(
            `differs: ${tsquery} on a made-up document: PostgreSQL ${theirs}, port ${ours}\n`
          )
        }
      }
    }
  } finally {
    await db.end()
  }
  process.stdout.write(
    `${tsqueries.size} tsqueries (${unsupported} unsupported), ${compared} ranks compared ` +
      `(${ranked} of made-up documents above 0), ${differ} differ\n`
  )
  process.exitCode = differ ? 1 : 0
}

void main()
