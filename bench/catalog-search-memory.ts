/**
 * What a random search would cost answered from memory instead of PostgreSQL (issue 16's
 * search ratio): a prototype measurement, not the engine's code. The live catalog rows'
 * search data (lexemes with positions and weights, price, categories, tags, stock, sort
 * keys) are loaded into typed arrays and posting lists; then the requests of
 * bench/catalog-search-cpu.ts (the HTTP scenario's distribution, their tsqueries computed
 * by PostgreSQL beforehand, untimed) are answered: the tsquery evaluated over the posting
 * lists, the filters, the exact count, the facets (categories, price buckets), and the
 * page's 21 ids for the sort — relevance by a weighted count of the query's lexeme
 * positions, a stand-in of `ts_rank_cd`'s cost (one pass over the matched positions), not
 * its value. The page's JSON would still be read from PostgreSQL by id (about a product
 * read's cost), which is not measured here.
 *
 *   DATABASE_URL=postgres://postgres@localhost:5432/s100k_cat BENCH_REQUESTS=2000 \
 *     npx ts-node --transpile-only bench/catalog-search-memory.ts
 */
import { Client } from "pg"
import { performance } from "node:perf_hooks"
import { bindNamed } from "../src/modules/catalog/sql/bind"
import { TSQUERY_SQL } from "../src/modules/catalog/sql/queries"
import type { CatalogQuery } from "../src/modules/catalog/types"
import { randomQueries } from "./catalog-search-cpu"

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000)
const WEIGHT: Record<string, number> = { A: 1, B: 0.4, C: 0.2, D: 0.1 }

type Index = {
  ids: string[]
  price: Float64Array
  created: Float64Array
  rating: Float64Array
  nameRank: Int32Array
  inStock: Uint8Array
  /** Category and tag numbers per doc (CSR: `starts[doc]`…`starts[doc + 1]`). */
  categoryStarts: Int32Array
  categoryOf: Int32Array
  categoryNames: string[]
  tagStarts: Int32Array
  tagOf: Int32Array
  tagNames: string[]
  /** lexeme → sorted doc numbers, and per posting the summed weight of its positions. */
  postings: Map<string, { docs: Int32Array; weight: Float32Array }>
  lexemes: string[]
}

async function load(db: Client): Promise<Index> {
  const { rows } = await db.query(`
    select id, price::float8 as price, extract(epoch from product_created_at)::float8 as created,
      coalesce(rating_average, -1)::float8 as rating, category_ids, tags, in_stock,
      row_number() over (order by lower(name), id)::int - 1 as name_rank,
      (select json_agg(json_build_array(l.lexeme, l.weights))
        from unnest(search_vector) l) as lexemes
    from catalog_product where deleted_at is null and is_active order by id`)
  const n = rows.length
  const index: Index = {
    ids: new Array(n),
    price: new Float64Array(n),
    created: new Float64Array(n),
    rating: new Float64Array(n),
    nameRank: new Int32Array(n),
    inStock: new Uint8Array(n),
    categoryStarts: new Int32Array(n + 1),
    categoryOf: new Int32Array(0),
    categoryNames: [],
    tagStarts: new Int32Array(n + 1),
    tagOf: new Int32Array(0),
    tagNames: [],
    postings: new Map(),
    lexemes: [],
  }
  const building = new Map<string, { docs: number[]; weight: number[] }>()
  const numbered = (names: string[], known: Map<string, number>, name: string) => {
    let number = known.get(name)
    if (number === undefined) {
      number = names.length
      names.push(name)
      known.set(name, number)
    }
    return number
  }
  const categoryNumbers = new Map<string, number>()
  const tagNumbers = new Map<string, number>()
  const categoryOf: number[] = []
  const tagOf: number[] = []
  rows.forEach((row, doc) => {
    index.ids[doc] = row.id
    index.price[doc] = row.price ?? Number.POSITIVE_INFINITY
    index.created[doc] = row.created
    index.rating[doc] = row.rating
    index.nameRank[doc] = row.name_rank
    index.inStock[doc] = row.in_stock ? 1 : 0
    index.categoryStarts[doc] = categoryOf.length
    for (const category of (row.category_ids ?? []) as string[]) {
      categoryOf.push(numbered(index.categoryNames, categoryNumbers, category))
    }
    index.tagStarts[doc] = tagOf.length
    for (const tag of (row.tags ?? []) as string[]) {
      tagOf.push(numbered(index.tagNames, tagNumbers, tag))
    }
    for (const [lexeme, weights] of (row.lexemes ?? []) as [string, string[] | null][]) {
      let list = building.get(lexeme)
      if (!list) {
        list = { docs: [], weight: [] }
        building.set(lexeme, list)
      }
      list.docs.push(doc)
      list.weight.push((weights ?? ["D"]).reduce((sum, w) => sum + (WEIGHT[w] ?? 0.1), 0))
    }
  })
  index.categoryStarts[n] = categoryOf.length
  index.tagStarts[n] = tagOf.length
  index.categoryOf = Int32Array.from(categoryOf)
  index.tagOf = Int32Array.from(tagOf)
  for (const [lexeme, list] of building) {
    index.postings.set(lexeme, {
      docs: Int32Array.from(list.docs),
      weight: Float32Array.from(list.weight),
    })
  }
  index.lexemes = [...building.keys()].sort()
  return index
}

/** Doc numbers with a score each: what one tsquery operand or sub-expression matched. */
type Matches = { docs: Int32Array; score: Float32Array }

function union(a: Matches, b: Matches): Matches {
  const docs = new Int32Array(a.docs.length + b.docs.length)
  const score = new Float32Array(docs.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.docs.length || j < b.docs.length) {
    if (j >= b.docs.length || (i < a.docs.length && a.docs[i] < b.docs[j])) {
      docs[k] = a.docs[i]
      score[k++] = a.score[i++]
    } else if (i >= a.docs.length || b.docs[j] < a.docs[i]) {
      docs[k] = b.docs[j]
      score[k++] = b.score[j++]
    } else {
      docs[k] = a.docs[i]
      score[k++] = a.score[i++] + b.score[j++]
    }
  }
  return { docs: docs.subarray(0, k), score: score.subarray(0, k) }
}

function intersect(a: Matches, b: Matches): Matches {
  const docs = new Int32Array(Math.min(a.docs.length, b.docs.length))
  const score = new Float32Array(docs.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.docs.length && j < b.docs.length) {
    if (a.docs[i] < b.docs[j]) i++
    else if (b.docs[j] < a.docs[i]) j++
    else {
      docs[k] = a.docs[i]
      score[k++] = a.score[i++] + b.score[j++]
    }
  }
  return { docs: docs.subarray(0, k), score: score.subarray(0, k) }
}

const NONE: Matches = { docs: new Int32Array(0), score: new Float32Array(0) }

function operand(index: Index, lexeme: string, prefix: boolean): Matches {
  if (!prefix) {
    const list = index.postings.get(lexeme)
    return list ? { docs: list.docs, score: list.weight } : NONE
  }
  let result = NONE
  // The sorted lexicon from the first lexeme the prefix starts.
  let lo = 0
  let hi = index.lexemes.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (index.lexemes[mid] < lexeme) lo = mid + 1
    else hi = mid
  }
  for (let i = lo; i < index.lexemes.length && index.lexemes[i].startsWith(lexeme); i++) {
    result = union(result, operand(index, index.lexemes[i], false))
  }
  return result
}

/** Evaluates PostgreSQL's tsquery text (quoted lexemes, `:*`, `&`, `|`, parentheses). */
function evaluate(index: Index, tsquery: string): Matches {
  const tokens = tsquery.match(/'(?:[^']|'')*'(?::\*)?|[()&|]/g) ?? []
  let at = 0
  const primary = (): Matches => {
    const token = tokens[at++]
    if (token === "(") {
      const inner = or()
      at++ // ")"
      return inner
    }
    const prefix = token.endsWith(":*")
    const text = (prefix ? token.slice(0, -2) : token).slice(1, -1).replace(/''/g, "'")
    return operand(index, text, prefix)
  }
  const and = (): Matches => {
    let left = primary()
    while (tokens[at] === "&") {
      at++
      left = intersect(left, primary())
    }
    return left
  }
  const or = (): Matches => {
    let left = and()
    while (tokens[at] === "|") {
      at++
      left = union(left, and())
    }
    return left
  }
  return or()
}

const SORT_KEY: Record<string, (index: Index, doc: number, score: number) => number> = {
  relevance: (_i, _d, score) => -score,
  newest: (index, doc) => -index.created[doc],
  price_asc: (index, doc) => index.price[doc],
  price_desc: (index, doc) => -index.price[doc],
  name: (index, doc) => index.nameRank[doc],
  rating: (index, doc) => -index.rating[doc],
}

function has(starts: Int32Array, of: Int32Array, doc: number, wanted: number): boolean {
  for (let i = starts[doc]; i < starts[doc + 1]; i++) {
    if (of[i] === wanted) return true
  }
  return false
}

/** One request: count, facets and the page's ids (offset + 21 best by the sort). */
function answer(index: Index, matches: Matches, query: CatalogQuery) {
  const categories = new Int32Array(index.categoryNames.length)
  const buckets = [0, 0, 0, 0]
  const keep = query.offset + query.limit + 1
  // The best `keep` so far, unsorted, and which of them is the worst.
  const bestDoc = new Int32Array(keep)
  const bestKey = new Float64Array(keep)
  let held = 0
  let worst = 0
  let count = 0
  const key = SORT_KEY[query.sort ?? "relevance"]
  const min = query.min_price === undefined ? undefined : Number(query.min_price)
  const max = query.max_price === undefined ? undefined : Number(query.max_price)
  const category = query.category_id ? index.categoryNames.indexOf(query.category_id) : -2
  const tag = query.tag ? index.tagNames.indexOf(query.tag) : -2
  const worse = (a: number, b: number) =>
    bestKey[a] > bestKey[b] || (bestKey[a] === bestKey[b] && bestDoc[a] > bestDoc[b])
  for (let i = 0; i < matches.docs.length; i++) {
    const doc = matches.docs[i]
    if (query.in_stock && !index.inStock[doc]) continue
    if (category !== -2 && !has(index.categoryStarts, index.categoryOf, doc, category)) continue
    if (tag !== -2 && !has(index.tagStarts, index.tagOf, doc, tag)) continue
    const price = index.price[doc]
    if ((min !== undefined && price < min) || (max !== undefined && price > max)) continue
    count++
    for (let c = index.categoryStarts[doc]; c < index.categoryStarts[doc + 1]; c++) {
      categories[index.categoryOf[c]]++
    }
    buckets[price < 25 ? 0 : price < 100 ? 1 : price < 500 ? 2 : 3]++
    const k = key(index, doc, matches.score[i])
    if (held < keep) {
      bestDoc[held] = doc
      bestKey[held] = k
      if (held === 0 || worse(held, worst)) worst = held
      held++
    } else if (k < bestKey[worst] || (k === bestKey[worst] && doc < bestDoc[worst])) {
      bestDoc[worst] = doc
      bestKey[worst] = k
      for (let j = 0; j < keep; j++) if (worse(j, worst)) worst = j
    }
  }
  const order = Array.from({ length: held }, (_, j) => j).sort(
    (a, b) => bestKey[a] - bestKey[b] || bestDoc[a] - bestDoc[b]
  )
  return {
    count,
    categories,
    buckets,
    page: order.slice(query.offset, keep).map((j) => index.ids[bestDoc[j]]),
  }
}

async function main(): Promise<void> {
  const db = new Client({ connectionString: process.env.DATABASE_URL })
  await db.connect()
  try {
    const heapBefore = process.memoryUsage().heapUsed
    const t0 = performance.now()
    const index = await load(db)
    const loadMs = performance.now() - t0
    global.gc?.()
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6
    const queries = randomQueries(REQUESTS)
    const tsqueries = new Map<string, string | null>()
    for (const { q } of queries) {
      if (!tsqueries.has(q as string)) {
        const [text, values] = bindNamed(TSQUERY_SQL, { q: q as string })
        const positional = text.replace(
          /\?/g,
          (() => {
            let n = 0
            return () => `$${++n}`
          })()
        )
        tsqueries.set(q as string, (await db.query(positional, values)).rows[0]?.tsquery ?? null)
      }
    }
    // Warm-up, then the measured pass.
    for (const query of queries.slice(0, 200)) {
      const tsquery = tsqueries.get(query.q as string)
      answer(index, tsquery ? evaluate(index, tsquery) : NONE, query)
    }
    const times: number[] = []
    let matched = 0
    const cpu0 = process.cpuUsage()
    for (const query of queries) {
      const started = performance.now()
      const tsquery = tsqueries.get(query.q as string)
      const result = answer(index, tsquery ? evaluate(index, tsquery) : NONE, query)
      times.push(performance.now() - started)
      matched += result.count
    }
    const cpu = process.cpuUsage(cpu0)
    times.sort((a, b) => a - b)
    process.stdout.write(
      `${index.ids.length} products loaded in ${loadMs.toFixed(0)} ms, ≈ ${heapMb.toFixed(0)} MB of heap, ` +
        `${index.postings.size} lexemes\n` +
        `${REQUESTS} random searches (mean ${(matched / REQUESTS).toFixed(0)} matches after filters): ` +
        `CPU ${((cpu.user + cpu.system) / 1000 / REQUESTS).toFixed(3)} ms/request, ` +
        `p50 ${times[Math.floor(times.length / 2)].toFixed(3)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(3)} ms, ` +
        `max ${times[times.length - 1].toFixed(3)} ms\n`
    )
  } finally {
    await db.end()
  }
}

void main()
