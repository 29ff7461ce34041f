/**
 * The catalog's SQL. Statements are constants; the only variable parts are chosen from
 * the constants below by validated enums (sort order), and every value is a binding.
 */

import { CURSOR_KEY_TYPES, type CursorKeyType } from "../../../utils/catalog/cursor"

/**
 * Sort value of a product without a price: above any price (12 digits), so `price_asc` puts
 * such products last. The sort indexes use the same expression (Migration20261214000000).
 */
const NO_PRICE_HIGH = "1000000000000000::numeric"
/** …and below any price for `price_desc`, and below any rating for `rating`. */
const NO_VALUE_LOW = "-1"

/** The rows anyone may list: not deleted, and active unless an admin asked for inactive ones too. */
function liveRows(t: string): string {
  return `${t}.deleted_at is null and (${t}.is_active or :include_inactive::boolean)`
}

/**
 * A price range, compared through a price sort's key so that sort's index seeks it (the
 * descending sort's key for `price_desc`, the ascending one otherwise); null prices never
 * match a range.
 */
function priceRange(t: string, sort?: CatalogSort): string {
  const key =
    sort === "price_desc"
      ? `coalesce(${t}.price, ${NO_VALUE_LOW}::numeric)`
      : `coalesce(${t}.price, ${NO_PRICE_HIGH})`
  return `(:min_price::numeric is null or (${t}.price is not null and ${key} >= :min_price::numeric))
  and (:max_price::numeric is null or (${t}.price is not null and ${key} <= :max_price::numeric))`
}

/** The filters of a list or search other than liveness (`t` carries the filter columns). */
function rowFilters(t: string, sort?: CatalogSort): string {
  return `(:category_id::text is null or ${t}.category_ids @> array[:category_id::text])
  and (:tag::text is null or ${t}.tags @> array[:tag::text])
  and ${priceRange(t, sort)}
  and (not :in_stock::boolean or ${t}.in_stock)`
}

/** Filters shared by list and search. */
function filters(t: string, sort?: CatalogSort): string {
  return `${liveRows(t)} and ${rowFilters(t, sort)}`
}

export const CATALOG_SORTS = [
  "relevance",
  "newest",
  "price_asc",
  "price_desc",
  "name",
  "rating",
] as const

export type CatalogSort = (typeof CATALOG_SORTS)[number]

/**
 * Each sort is a tuple of non-null keys in one direction, ending with the id: one
 * partial index per list sort serves it exactly (same expressions, same direction), and a
 * page after a cursor is a row comparison `(keys) > (cursor)` the index seeks to.
 */
type SortSpec = { dir: "asc" | "desc"; keys: (t: string) => string[] }

const SORTS: Record<CatalogSort, SortSpec> = {
  newest: { dir: "desc", keys: (t) => [`${t}.product_created_at`, `${t}.id`] },
  price_asc: { dir: "asc", keys: (t) => [`coalesce(${t}.price, ${NO_PRICE_HIGH})`, `${t}.id`] },
  price_desc: {
    dir: "desc",
    keys: (t) => [`coalesce(${t}.price, ${NO_VALUE_LOW}::numeric)`, `${t}.id`],
  },
  name: { dir: "asc", keys: (t) => [`lower(${t}.name)`, `${t}.id`] },
  rating: {
    dir: "desc",
    keys: (t) => [
      `coalesce(${t}.rating_average, ${NO_VALUE_LOW}::real)`,
      `${t}.review_count`,
      `${t}.id`,
    ],
  },
  // Best first, ties by ascending id: written ascending (the re-ranked head first).
  relevance: { dir: "asc", keys: (t) => [`not ${t}.in_head`, `-${t}.score`, `${t}.id`] },
}

/** A key value as text for the cursor (exact: timestamps as integer microseconds). */
function keyOut(type: CursorKeyType, expr: string): string {
  return type === "micros"
    ? `(extract(epoch from ${expr}) * 1000000)::bigint::text`
    : `(${expr})::text`
}

/** The cursor's n-th key value (`:k1`…) cast back to the key's type. */
function keyIn(type: CursorKeyType, n: number): string {
  switch (type) {
    case "micros":
      return `(timestamptz 'epoch' + :k${n}::bigint * interval '1 microsecond')`
    case "numeric":
      return `:k${n}::numeric`
    case "text":
      return `:k${n}::text`
    case "real":
      return `:k${n}::real`
    case "int":
      return `:k${n}::int`
    case "bool":
      return `:k${n}::boolean`
  }
}

export function orderBy(sort: CatalogSort, t: string): string {
  const { dir, keys } = SORTS[sort]
  return keys(t)
    .map((key) => `${key} ${dir}`)
    .join(", ")
}

/** Rows after the cursor (`:k1` null: no cursor, every row). */
export function afterCursor(sort: CatalogSort, t: string): string {
  const { dir, keys } = SORTS[sort]
  const types = CURSOR_KEY_TYPES[sort]
  const cursor = types.map((type, i) => keyIn(type, i + 1)).join(", ")
  return `(:k1::text is null or (${keys(t).join(", ")}) ${dir === "asc" ? ">" : "<"} (${cursor}))`
}

/** The sort key of a row as a JSON array of texts (what the next cursor carries). */
export function keyJson(sort: CatalogSort, t: string): string {
  const types = CURSOR_KEY_TYPES[sort]
  return `json_build_array(${SORTS[sort]
    .keys(t)
    .map((key, i) => keyOut(types[i], key))
    .join(", ")})`
}

/** Exact totals up to this many; beyond it `count` is this number and `count_capped` true. */
export const LIST_COUNT_CAP = 1_000
/**
 * A search works on at most this many matches (plus one, to know there are more): ranking,
 * counting and facets then cost the same for a word found in 1,000 products or 50,000.
 */
export const SEARCH_MATCH_CAP = 1_000
/**
 * How many of the best full-text matches are re-ranked by their resemblance to the raw
 * query. A fixed number, so the order of every page is the same whichever page is asked.
 * Three default pages: `word_similarity` over a product's text costs ≈ 10 µs a row, the
 * largest share of a search's execution at 5,000 products when the head was 200
 * (docs/PERFORMANCE.md), and a shopper rarely reads past the third page of results.
 */
export const RERANK_HEAD = 60

/**
 * With more than SEARCH_MATCH_CAP matches and a sort other than relevance, the page is
 * looked for among this many products along the sort's index (after the cursor; each one
 * read to test it against the query, so this bounds the cost). Over 1 % of the products
 * match then, and a broad word's matches are usually spread along any sort, so the page is
 * usually found here and is exact. When it is not (the matches sit further along, e.g. a
 * word that starts every matching name late in the alphabet), it is cut from the capped
 * matches, sorted.
 */
export const SEARCH_WALK = 2_000
/** Every column a sort key reads (what a subquery must carry to be sorted again). */
const SORT_COLUMNS = "p.product_created_at, p.price, p.name, p.rating_average, p.review_count"
/**
 * Which conditions a search has (liveness, cursor, price range, category, tag, in stock),
 * so that its statement states them as they are instead of as `(:value is null or …)`: a
 * plan made without the values (a prepared statement's generic plan, DECISIONS.md "Search
 * statements are prepared") can then still use the partial sort index and seek the cursor
 * and the price range in it, and AND the category, tag or price index into the full-text
 * bitmap of the matches, as a plan made with the values does. Without that, a generic plan
 * read every match of a broad word from the table to test a category it could have
 * intersected (a category word in another category: 20,000 rows, 90 ms, for nothing).
 */
export type SearchShape = {
  includeInactive: boolean
  cursor: boolean
  minPrice: boolean
  maxPrice: boolean
  category: boolean
  tag: boolean
  inStock: boolean
}

/** A search's liveness condition on `t` for its shape. */
function shapeLive(t: string, shape: SearchShape): string {
  return shape.includeInactive
    ? `${t}.deleted_at is null`
    : `${t}.deleted_at is null and ${t}.is_active`
}

/**
 * A search's filters on `t` other than liveness, as its shape has them (values bound):
 * the same rows as `rowFilters`, whose `(:value is null or …)` alternatives are left out.
 */
function shapeFilters(t: string, sort: CatalogSort, shape: SearchShape): string {
  const conditions: string[] = []
  if (shape.category) {
    conditions.push(`${t}.category_ids @> array[:category_id::text]`)
  }
  if (shape.tag) {
    conditions.push(`${t}.tags @> array[:tag::text]`)
  }
  if (shape.minPrice || shape.maxPrice) {
    const key =
      sort === "price_desc"
        ? `coalesce(${t}.price, ${NO_VALUE_LOW}::numeric)`
        : `coalesce(${t}.price, ${NO_PRICE_HIGH})`
    conditions.push(`${t}.price is not null`)
    if (shape.minPrice) {
      conditions.push(`${key} >= :min_price::numeric`)
    }
    if (shape.maxPrice) {
      conditions.push(`${key} <= :max_price::numeric`)
    }
  }
  if (shape.inStock) {
    conditions.push(`${t}.in_stock`)
  }
  return conditions.length ? conditions.join(" and ") : "true"
}

/** The walk's conditions on `t` for the given shape (its values still bound). */
function walkConditions(sort: CatalogSort, t: string, walk: SearchShape): string {
  const conditions = [shapeLive(t, walk)]
  if (walk.cursor) {
    const { dir, keys } = SORTS[sort]
    const types = CURSOR_KEY_TYPES[sort]
    const cursor = types.map((type, i) => keyIn(type, i + 1)).join(", ")
    conditions.push(`(${keys(t).join(", ")}) ${dir === "asc" ? ">" : "<"} (${cursor})`)
  }
  if ((sort === "price_asc" || sort === "price_desc") && (walk.minPrice || walk.maxPrice)) {
    const key = SORTS[sort].keys(t)[0]
    conditions.push(`${t}.price is not null`)
    if (walk.minPrice) {
      conditions.push(`${key} >= :min_price::numeric`)
    }
    if (walk.maxPrice) {
      conditions.push(`${key} <= :max_price::numeric`)
    }
  }
  return conditions.join(" and ")
}

/**
 * What a search's matches (`m`) carry: the id, what the facets count (price, categories)
 * and what the sort orders by — the full-text rank and the text the head is re-ranked on
 * for relevance, the sort key's columns otherwise (no rank: it orders nothing there).
 */
const MATCH_COLUMNS: Record<CatalogSort, string> = {
  relevance: "ts_rank_cd(p.search_vector, :tsquery::tsquery) as rank, p.search_text",
  newest: "p.product_created_at",
  price_asc: "",
  price_desc: "",
  name: "p.name",
  rating: "p.rating_average, p.review_count",
}

/** Statements built once per shape (a sort, facets or not): the text depends on nothing else. */
const statements = new Map<string, string>()

function statementOf(shape: string, build: () => string): string {
  let sql = statements.get(shape)
  if (sql === undefined) {
    sql = build()
    statements.set(shape, sql)
  }
  return sql
}

/**
 * The page's products (`page`: ids in order, `:limit` + 1 rows to know whether more follow)
 * read back with their JSON, and the key of the page's last product when more follow.
 */
export function pageOutputs(): string {
  return `
    (select coalesce(json_agg(v.view order by page.ord), '[]')::text
      from page join catalog_product v on v.id = page.id where page.ord <= :limit) as items,
    (select coalesce(array_agg(page.id order by page.ord), '{}')
      from page where page.ord <= :limit) as product_ids,
    (select page.key::text from page
      where page.ord = :limit and exists (select 1 from page later where later.ord > :limit)) as next_key`
}

/**
 * A page of products and a total capped at LIST_COUNT_CAP, without a search term. The page
 * is cut from the sort's index (ids only, an index-only scan: the filters' columns are
 * included in it); only the page's rows are read from the table. The total depends on the
 * filters only: when the caller binds it (`:known_count`, `:known_capped`, cached for this
 * catalog generation) the count is not run (the planner folds the bound test to false).
 */
export function listSql(sort: Exclude<CatalogSort, "relevance">): string {
  return statementOf(`list:${sort}`, () => buildListSql(sort))
}

function buildListSql(sort: Exclude<CatalogSort, "relevance">): string {
  return `
  with page as (
    select s.id, s.key, row_number() over () as ord from (
      select p.id, ${keyJson(sort, "p")} as key
      from catalog_product p where ${filters("p", sort)} and ${afterCursor(sort, "p")}
      order by ${orderBy(sort, "p")} limit :limit_plus_one offset :offset) s
  ),
  total as (
    select count(*) as n from (select 1 from catalog_product p
      where :known_count::int is null and ${filters("p")}
      limit ${LIST_COUNT_CAP + 1}) c
  )
  select
    coalesce(:known_count::int, (select least(n, ${LIST_COUNT_CAP})::int from total)) as count,
    coalesce(:known_capped::boolean, (select n > ${LIST_COUNT_CAP} from total)) as count_capped,${pageOutputs()}`
}

/**
 * A search word stands for at most this many of the catalog's lexemes (`catalog_term`)
 * when it is sent to the full-text index: the lexemes it is a prefix of, asked for exactly.
 * A word that starts more lexemes (a short word, a number's first digits) stays a prefix.
 */
export const PREFIX_LEXEMES = 8

/**
 * The full-text query of a search (`null` when it has no words): each word of the query
 * matches itself as a prefix or one of its three nearest catalog words (trigram similarity
 * on catalog_lexeme, index-assisted by the `%` operator); words are ANDed. A statement of
 * its own, so the search statement gets it as a value and the planner estimates its matches
 * from the statistics (a tsquery computed inside the statement was planned as 500 matches
 * whatever the word, and filters were then checked row by row on thousands of matches).
 *
 * Each of those prefixes is written as the lexemes it starts (`catalog_term`, a superset of
 * every product's lexemes: the same matches) ORed, when there are 1 to PREFIX_LEXEMES of
 * them: the full-text index answers exact lexemes from their posting lists, where a prefix
 * is a partial match that collects every matching row into a bitmap first (several times
 * the cost for a broad word, docs/PERFORMANCE.md). A prefix that starts no lexeme matches
 * nothing and is left out of its word's alternatives (unless all of them are such: then
 * the word, and so the query, matches nothing, as before). The range `[word, word ||
 * U+10FFFF)` of the byte-ordered key holds every lexeme starting with the word but those
 * continuing with U+10FFFF, a noncharacter. Lexemes are quoted for tsquery input (quotes
 * doubled, backslashes escaped) and the whole is read by the `tsquery` type, not parsed
 * again as text.
 *
 * `:q` reaches the plan as an init plan's parameter (`(select :q)`), so the plan does not
 * depend on the words: PostgreSQL then keeps one generic plan for this prepared statement.
 * With `:q` as a value it folded the words into a constant, each call's plan looked cheaper
 * than the generic one, and every call was planned (half its cost: 0.77 → 0.39 ms a call
 * at 5,000 products, docs/PERFORMANCE.md).
 */
export const TSQUERY_SQL = `
  with terms as (
    select t.term, t.ord
    from unnest(string_to_array(lower(regexp_replace((select :q::text), '[^[:alnum:]]+', ' ', 'g')), ' '))
      with ordinality t(term, ord)
    where t.term <> ''
  ),
  alternatives as (
    select ord, term as word from terms
    union
    select t.ord, c.word from terms t cross join lateral (
      select l.word from catalog_lexeme l
      where length(t.term) >= 3 and l.word % t.term
      order by similarity(l.word, t.term) desc, l.ndoc desc, l.word
      limit 3) c
  ),
  expanded as (
    select a.ord, a.word, e.lexemes from alternatives a cross join lateral (
      select array_agg(x.word) as lexemes from (select ct.word from catalog_term ct
        where ct.word >= a.word and ct.word < a.word || chr(1114111) and starts_with(ct.word, a.word)
        order by ct.word limit ${PREFIX_LEXEMES + 1}) x
    ) e
  ),
  pieces as (
    select e.ord, true as found, chr(39) || replace(replace(l.word, chr(92), repeat(chr(92), 2)),
      chr(39), repeat(chr(39), 2)) || chr(39) as piece
    from expanded e cross join unnest(e.lexemes) l(word)
    where cardinality(e.lexemes) <= ${PREFIX_LEXEMES}
    union
    select e.ord, e.lexemes is not null,
      nullif(to_tsquery('simple', quote_literal(e.word) || ':*')::text, '')
    from expanded e where e.lexemes is null or cardinality(e.lexemes) > ${PREFIX_LEXEMES}
  ),
  words as (
    select p.ord, string_agg(p.piece, ' | ' order by p.piece) as alt from pieces p
    where p.piece is not null
      and (p.found or not exists (select 1 from pieces o where o.ord = p.ord and o.found))
    group by p.ord
  )
  select (string_agg('(' || alt || ')', ' & ' order by ord))::tsquery::text as tsquery
  from words`

/**
 * Typo-tolerant search of `:tsquery` (TSQUERY_SQL's answer for `:q`).
 *
 * The matches (`m`) are at most SEARCH_MATCH_CAP + 1 rows, taken as the full-text index
 * finds them, so a broad word costs no more than a narrow one: count and facets come from
 * `m` (exact unless capped), and relevance ranks `m` by full-text rank (name weighs most,
 * then categories and tags, then the description); the best RERANK_HEAD are ranked again
 * by how closely the raw query resembles the name/categories/tags text (carried in `m`),
 * so exact spellings win over corrections. Other sorts page through `m` sorted when it
 * holds every match; when it is capped they walk up to SEARCH_WALK rows along the sort's
 * index (`walk_rows`) testing each against the query and filters, and the page comes from
 * there when it was found there (or the walk reached the end of the list), else from `m`
 * sorted. The walk stops at the page's last row: `walk_rows` is materialized, which
 * PostgreSQL fills only as far as its readers ask, and `walk` reads it in the order it was
 * written (the sort's) with no sort of its own, so a broad word's page is found after a few
 * hundred rows instead of reading all SEARCH_WALK first; only a page not found reads them
 * all (to tell a list that ended from a walk that gave up). The answer is the same.
 *
 * The tsquery reaches the plan as a parameter of an init plan (`(select :tsquery)`), not as
 * a value the planner reads: with exact lexemes (TSQUERY_SQL) it estimates a broad word's
 * matches well enough to choose a sequential scan for `m`, and a limited sequential scan
 * starts where the table's last one stopped (synchronized scans), so `m`, and the pages
 * cut from it, would change from one request to the next. A bitmap of the full-text index
 * takes the first matches in the table's order, every time.
 *
 * What it costs is kept to what the answer shows (docs/PERFORMANCE.md, "Random searches
 * cost less"): `m` carries only the columns its sort and the facets read (the rank only
 * for relevance); `stats` counts `m` once, with the price facets' buckets in the same
 * pass; relevance sorts the head alone and takes the rest of `m` past the head's last row
 * (no join of every match against the head); the text is built once per shape.
 */
export function searchSql(sort: CatalogSort, withFacets: boolean, shape: SearchShape): string {
  // Relevance has no walk: its cursor stays a bound alternative.
  const key = [
    shape.includeInactive,
    sort !== "relevance" && shape.cursor,
    shape.minPrice,
    shape.maxPrice,
    shape.category,
    shape.tag,
    shape.inStock,
  ]
    .map(Number)
    .join("")
  return statementOf(`search:${sort}:${withFacets}:${key}`, () =>
    buildSearchSql(sort, withFacets, shape)
  )
}

function buildSearchSql(sort: CatalogSort, withFacets: boolean, walk: SearchShape): string {
  const facets = withFacets
    ? `,
    (select coalesce(json_agg(json_build_object('category_id', f.c, 'count', f.n) order by f.n desc, f.c), '[]')::text
      from (select unnest(m.category_ids) c, count(*)::int n from m group by 1) f) as category_facets,
    (select json_agg(json_build_object('min', b.lo::text, 'max', b.hi::text, 'count', b.n) order by b.lo)::text
      from stats s, lateral (values (0::numeric, 25::numeric, s.p0), (25, 100, s.p1), (100, 500, s.p2),
        (500, null, s.p3)) b(lo, hi, n)) as price_facets`
    : ""
  const priceCounts = withFacets
    ? `,
      count(*) filter (where m.price >= 0 and m.price < 25) as p0,
      count(*) filter (where m.price >= 25 and m.price < 100) as p1,
      count(*) filter (where m.price >= 100 and m.price < 500) as p2,
      count(*) filter (where m.price >= 500) as p3`
    : ""
  const capped = `(select n from stats) > ${SEARCH_MATCH_CAP}`
  const ranked =
    sort === "relevance"
      ? `
  head as materialized (
    select m.id, m.rank, m.search_text from m order by m.rank desc, m.id limit ${RERANK_HEAD}
  ),
  head_end as (
    select h.rank, h.id from head h order by h.rank, h.id desc limit 1
  ),
  ordered as (
    select h.id, true as in_head, h.rank + word_similarity(lower(:q), h.search_text) as score
    from head h
    union all
    select m.id, false, m.rank from m, head_end e
    where (select count(*) from head) = ${RERANK_HEAD} and m.rank <= e.rank
      and (m.rank < e.rank or m.id > e.id)
  ),
  page_rows as (
    select o.id, ${keyJson(sort, "o")} as key from ordered o where ${afterCursor(sort, "o")}
    order by ${orderBy(sort, "o")} limit :limit_plus_one offset :offset
  ),`
      : `
  walk_rows as materialized (
    select p.id, p.search_vector, p.category_ids, p.tags, p.in_stock, ${SORT_COLUMNS}
    from catalog_product p
    where ${capped} and ${walkConditions(sort, "p", walk)}
    order by ${orderBy(sort, "p")} limit ${SEARCH_WALK}
  ),
  walk as (
    select w.id, ${keyJson(sort, "w")} as key from walk_rows w
    where w.search_vector @@ (select :tsquery::tsquery) and ${shapeFilters("w", sort, walk)}
    limit :limit_plus_one offset :offset
  ),
  walk_found as (
    select ${capped} and ((select count(*) from walk) = :limit_plus_one
      or (select count(*) from walk_rows) < ${SEARCH_WALK}) as yes
  ),
  from_m as (
    select m.id, ${keyJson(sort, "m")} as key from m
    where not (select yes from walk_found) and ${afterCursor(sort, "m")}
    order by ${orderBy(sort, "m")} limit :limit_plus_one offset :offset
  ),
  page_rows as (
    select * from walk where (select yes from walk_found)
    union all select * from from_m
  ),`
  return `
  with
  m as materialized (
    select ${["p.id, p.price, p.category_ids", MATCH_COLUMNS[sort]].filter(Boolean).join(", ")}
    from catalog_product p
    where p.search_vector @@ (select :tsquery::tsquery) and ${shapeLive("p", walk)}
      and ${shapeFilters("p", sort, walk)}
    limit ${SEARCH_MATCH_CAP + 1}
  ),
  stats as materialized (
    select count(*) as n${priceCounts} from m
  ),${ranked}
  page as (
    select c.id, c.key, row_number() over () as ord from page_rows c
  )
  select
    least(stats.n, ${SEARCH_MATCH_CAP})::int as count,
    stats.n > ${SEARCH_MATCH_CAP} as count_capped,${pageOutputs()}${facets}
  from stats`
}

/**
 * The active products grouped by the set of categories they are in directly: one
 * index-only scan of IDX_catalog_product_direct_category_ids. Rows are sets, not
 * products, so the answer grows with the category combinations in use, not the catalog.
 */
export const CATEGORY_GROUPS_SQL = `
  select direct_category_ids as category_ids, count(*)::int as count
  from catalog_product
  where is_active = true and deleted_at is null and direct_category_ids <> '{}'
  group by direct_category_ids`

export const VIEW_SQL = `
  select view::text as view, is_active from catalog_product
  where id = :id and deleted_at is null`

export const ROWS_SQL = `
  select id, stock_quantity, sync_version::text as sync_version,
    to_jsonb(p) - 'search_vector' - 'sync_version' - 'stock_version' as row
  from catalog_product p where id in (select jsonb_array_elements_text(:ids::jsonb))`

/**
 * A digest of what a row shows and is filtered, sorted and searched by, except its stock
 * quantity: two rows with the same digest differ at most in the units they show. (Whether
 * the product is in stock is in it: it decides the in-stock filter's lists and totals.)
 * A sync compares it before and after its write to tell the cache what changed
 * (utils/catalog/cache-effect.ts).
 */
function contentDigest(alias: string): string {
  return `md5(jsonb_build_array(
    to_jsonb(${alias}) - '{sync_version,stock_version,updated_at,created_at,search_vector,stock_quantity,view}'::text[],
    ${alias}.view - 'stock_quantity')::text)`
}

/**
 * Locks the rows a sync is about to write and returns their stock: a concurrent sync of
 * the same product waits, then sees this one's stock as "before" (so a low-stock alert
 * fires once per crossing). Run in the write's transaction, before UPSERT_SQL.
 */
export const LOCK_ROWS_SQL = `
  select p.id, p.stock_quantity, ${contentDigest("p")} as digest from catalog_product p
  where p.id in (select jsonb_array_elements_text(:ids::jsonb))
  order by p.id
  for update`

export const NEXT_SYNC_VERSION_SQL = `select nextval('catalog_sync_version_seq')::text as version`

/**
 * Writes a batch of rows in one statement (the rows travel as one JSON binding), updating
 * an existing row only where `condition` holds. The stock columns (and the view's copy of
 * them) are taken only when this write is newer than the row's stock: a workflow that
 * changed stock may have written a later-numbered stock alone (STOCK_SQL), which a
 * full sync that read before it must not undo while it still updates everything else.
 */
function upsertSql(condition: string): string {
  return `
  insert into catalog_product as p (
    id, handle, name, description, is_active, variant_id, inventory_item_id, price, raw_price,
    currency_code, category_id, category_ids, direct_category_ids, tags, stock_quantity, in_stock,
    rating_average, review_count, product_created_at, product_updated_at, search_text, view,
    sync_version, stock_version)
  select r.id, r.handle, r.name, r.description, r.is_active, r.variant_id, r.inventory_item_id,
    r.price::numeric,
    case when r.price is null then null else jsonb_build_object('value', r.price, 'precision', 20) end,
    r.currency_code, r.category_id,
    array(select jsonb_array_elements_text(r.category_ids)),
    array(select jsonb_array_elements_text(coalesce(r.direct_category_ids, '[]'))),
    array(select jsonb_array_elements_text(r.tags)),
    r.stock_quantity, r.in_stock, r.rating_average, r.review_count, r.product_created_at,
    r.product_updated_at, r.search_text, r.view, :version::bigint, :version::bigint
  from jsonb_to_recordset(:rows::jsonb) as r(
    id text, handle text, name text, description text, is_active boolean, variant_id text,
    inventory_item_id text, price text, currency_code text, category_id text, category_ids jsonb,
    direct_category_ids jsonb, tags jsonb, stock_quantity int, in_stock boolean,
    rating_average real, review_count int, product_created_at timestamptz, product_updated_at timestamptz, search_text text, view jsonb)
  on conflict (id) do update set
    handle = excluded.handle, name = excluded.name, description = excluded.description,
    is_active = excluded.is_active, variant_id = excluded.variant_id,
    inventory_item_id = excluded.inventory_item_id, price = excluded.price,
    raw_price = excluded.raw_price, currency_code = excluded.currency_code,
    category_id = excluded.category_id, category_ids = excluded.category_ids,
    direct_category_ids = excluded.direct_category_ids, tags = excluded.tags,
    stock_quantity = case when p.stock_version < excluded.sync_version
      then excluded.stock_quantity else p.stock_quantity end,
    in_stock = case when p.stock_version < excluded.sync_version
      then excluded.in_stock else p.in_stock end,
    rating_average = excluded.rating_average, review_count = excluded.review_count,
    product_created_at = excluded.product_created_at,
    product_updated_at = excluded.product_updated_at, search_text = excluded.search_text,
    view = case when p.stock_version < excluded.sync_version then excluded.view
      else excluded.view || jsonb_build_object('stock_quantity', p.stock_quantity, 'in_stock', p.in_stock) end,
    sync_version = excluded.sync_version,
    stock_version = greatest(p.stock_version, excluded.sync_version), updated_at = now(),
    deleted_at = null
  where ${condition}
  returning p.id, p.stock_quantity, ${contentDigest("p")} as digest`
}

/** A sync's write: a row only takes a write from a later-numbered sync. */
export const UPSERT_SQL = upsertSql("p.sync_version < excluded.sync_version")

/** Compensation: puts rows back as they were before a failed workflow's sync. */
export const RESTORE_SQL = upsertSql("true")

/**
 * Writes the stock alone (stock_quantity, in_stock and their copy in the view) of rows whose
 * stock is older than `version`, in one statement, and returns the stock each row had
 * before (read under the row lock, for the low-stock crossing) and whether it is active.
 * The stock is a variant's: a row whose variant is another (a product with several
 * variants shows its first) is left to the sync.
 * Workflows that changed stock run it so the next read shows it (docs/CATALOG.md).
 */
export const STOCK_SQL = `
  with r as (
    select * from jsonb_to_recordset(:rows::jsonb)
      as r(id text, variant_id text, stock_quantity int, in_stock boolean)
  ),
  before as (
    select p.id, p.stock_quantity, p.in_stock from catalog_product p
    join r on r.id = p.id and r.variant_id = p.variant_id
    where p.stock_version < :version::bigint
    order by p.id
    for update
  )
  update catalog_product p set
    stock_quantity = r.stock_quantity, in_stock = r.in_stock,
    view = p.view || jsonb_build_object('stock_quantity', r.stock_quantity, 'in_stock', r.in_stock),
    stock_version = :version::bigint, updated_at = now()
  from r, before
  where p.id = r.id and before.id = r.id and p.stock_version < :version::bigint
  returning p.id, p.stock_quantity, before.stock_quantity as previous_stock,
    before.in_stock as previous_in_stock, p.in_stock, p.is_active`

/**
 * New words of the given products join the lexicon (counts are refreshed by a rebuild),
 * and their new lexemes `catalog_term` (one statement: a sync's statements are budgeted).
 * Each table's words are inserted in order: two syncs adding the same new words wait for
 * each other's (uncommitted) rows in the same order, never in a cycle.
 */
export const ADD_LEXEMES_SQL = `
  with terms as (
    insert into catalog_term (word)
    select t.w from (
      select distinct w from catalog_product p, unnest(tsvector_to_array(p.search_vector)) w
      where p.id in (select jsonb_array_elements_text(:ids::jsonb))) t
    order by t.w
    on conflict (word) do nothing
  )
  insert into catalog_lexeme (word)
  select l.w from (
    select distinct w from catalog_product p,
      unnest(tsvector_to_array(to_tsvector('simple', p.search_text))) w
    where p.id in (select jsonb_array_elements_text(:ids::jsonb)) and length(w) >= 3) l
  order by l.w
  on conflict (word) do nothing`

/**
 * Recounts every word and drops the ones no product uses any more; the same for the
 * lexemes of `catalog_term` (every row's, inactive ones too: admins search them). A sync
 * committing meanwhile adds its own (`on conflict`: it may add one after the delete).
 */
export const REBUILD_LEXEMES_SQL = [
  `delete from catalog_lexeme`,
  `insert into catalog_lexeme (word, ndoc)
   select word, ndoc from ts_stat('select to_tsvector(''simple'', search_text) from catalog_product where deleted_at is null')
   where length(word) >= 3`,
  `delete from catalog_term`,
  `insert into catalog_term (word)
   select word from ts_stat('select search_vector from catalog_product')
   on conflict (word) do nothing`,
]

export const DELETE_CREATED_SQL = `
  delete from catalog_product where id in (select jsonb_array_elements_text(:ids::jsonb))`

export const DELETE_SQL = `
  delete from catalog_product
  where id in (select jsonb_array_elements_text(:ids::jsonb)) and sync_version < :version::bigint
  returning id`
