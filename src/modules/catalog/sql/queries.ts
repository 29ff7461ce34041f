/**
 * The catalog's SQL. Statements are constants; the only variable parts are chosen from
 * the constants below by validated enums (sort order), and every value is a binding.
 */

/** Filters shared by list and search (`p` is catalog_product). */
const FILTERS = `
  p.deleted_at is null
  and (p.is_active or :include_inactive::boolean)
  and (:category_id::text is null or p.category_ids @> array[:category_id::text])
  and (:tag::text is null or p.tags @> array[:tag::text])
  and (:min_price::numeric is null or p.price >= :min_price::numeric)
  and (:max_price::numeric is null or p.price <= :max_price::numeric)
  and (not :in_stock::boolean or p.in_stock)`

/** Sort orders over the alias `t`; each ends with the id, so pages are stable. */
function sortOrder(sort: CatalogSort, t: string): string {
  switch (sort) {
    case "newest":
      return `${t}.product_created_at desc, ${t}.id desc`
    case "price_asc":
      return `${t}.price asc nulls last, ${t}.id asc`
    case "price_desc":
      return `${t}.price desc nulls last, ${t}.id desc`
    case "name":
      return `lower(${t}.name) asc, ${t}.id asc`
    case "rating":
      return `${t}.rating_average desc nulls last, ${t}.review_count desc, ${t}.id asc`
    case "relevance":
      return `${t}.in_head desc, ${t}.score desc, ${t}.id asc`
  }
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
 * How many of the best full-text matches are re-ranked by their resemblance to the raw
 * query. A fixed number, so the order of every page is the same whichever page is asked.
 */
export const RERANK_HEAD = 200

/** A page of products and the total, without a search term. */
export function listSql(sort: Exclude<CatalogSort, "relevance">): string {
  return `
  select
    (select count(*) from catalog_product p where ${FILTERS})::int as count,
    (select coalesce(json_agg(page.view order by page.ord), '[]')::text from (
      select p.view, row_number() over (order by ${sortOrder(sort, "p")}) as ord
      from catalog_product p where ${FILTERS}
      order by ${sortOrder(sort, "p")} limit :limit offset :offset) page) as items`
}

/**
 * Typo-tolerant search. Each word of the query matches itself as a prefix or one of its
 * three nearest catalog words (trigram similarity on catalog_lexeme, index-assisted by
 * the `%` operator); words are ANDed. Matches are ranked by full-text rank (name weighs
 * most, then categories and tags, then the description); the best RERANK_HEAD of them are
 * ranked again with how closely the raw query resembles the name/categories/tags text, so
 * exact spellings win over corrections. Matches carry what sorts and facets need, so only
 * the page's rows are read back from the table.
 */
export function searchSql(sort: CatalogSort, withFacets: boolean): string {
  const facets = withFacets
    ? `,
    (select coalesce(json_agg(json_build_object('category_id', f.c, 'count', f.n) order by f.n desc, f.c), '[]')::text
      from (select unnest(m.category_ids) c, count(*)::int n from m group by 1) f) as category_facets,
    (select json_agg(json_build_object('min', b.lo::text, 'max', b.hi::text, 'count',
        (select count(*) from m where m.price >= b.lo and (b.hi is null or m.price < b.hi))) order by b.lo)::text
      from (values (0::numeric, 25::numeric), (25, 100), (100, 500), (500, null)) b(lo, hi)) as price_facets`
    : ""
  const ordered =
    sort === "relevance"
      ? `
  head as (
    select m.id, m.rank + word_similarity(lower(:q), p.search_text) as score
    from (select id, rank from m order by rank desc, id limit ${RERANK_HEAD}) m
    join catalog_product p on p.id = m.id
  ),
  ordered as (
    select m.id, h.id is not null as in_head, coalesce(h.score, m.rank) as score
    from m left join head h on h.id = m.id
  ),`
      : `
  ordered as (select * from m),`
  return `
  with terms as (
    select t.term, t.ord
    from unnest(string_to_array(lower(regexp_replace(:q, '[^[:alnum:]]+', ' ', 'g')), ' '))
      with ordinality t(term, ord)
    where t.term <> ''
  ),
  alternatives as (
    select x.ord, string_agg(quote_literal(x.word) || ':*', ' | ') as alt from (
      select ord, term as word from terms
      union
      select t.ord, c.word from terms t cross join lateral (
        select l.word from catalog_lexeme l
        where length(t.term) >= 3 and l.word % t.term
        order by similarity(l.word, t.term) desc, l.ndoc desc, l.word
        limit 3) c
    ) x group by x.ord
  ),
  tq as (
    select to_tsquery('simple', string_agg('(' || alt || ')', ' & ' order by ord)) as q from alternatives
  ),
  m as materialized (
    select p.id, p.price, p.category_ids, p.product_created_at, p.name, p.rating_average,
      p.review_count, ts_rank_cd(p.search_vector, tq.q) as rank
    from catalog_product p, tq
    where p.search_vector @@ tq.q and ${FILTERS}
  ),${ordered}
  page as (
    select o.id, row_number() over (order by ${sortOrder(sort, "o")}) as ord
    from ordered o order by ${sortOrder(sort, "o")} limit :limit offset :offset
  )
  select
    (select count(*) from m)::int as count,
    (select coalesce(json_agg(p.view order by page.ord), '[]')::text
      from page join catalog_product p on p.id = page.id) as items${facets}`
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
 * Locks the rows a sync is about to write and returns their stock: a concurrent sync of
 * the same product waits, then sees this one's stock as "before" (so a low-stock alert
 * fires once per crossing). Run in the write's transaction, before UPSERT_SQL.
 */
export const LOCK_ROWS_SQL = `
  select id, stock_quantity from catalog_product
  where id in (select jsonb_array_elements_text(:ids::jsonb))
  order by id
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
  returning p.id, p.stock_quantity`
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
    select p.id, p.stock_quantity from catalog_product p
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
  returning p.id, p.stock_quantity, before.stock_quantity as previous_stock, p.is_active`

/** New words of the given products join the lexicon (counts are refreshed by a rebuild). */
export const ADD_LEXEMES_SQL = `
  insert into catalog_lexeme (word)
  select distinct w from catalog_product p,
    unnest(tsvector_to_array(to_tsvector('simple', p.search_text))) w
  where p.id in (select jsonb_array_elements_text(:ids::jsonb)) and length(w) >= 3
  on conflict (word) do nothing`

/** Recounts every word and drops the ones no product uses any more. */
export const REBUILD_LEXEMES_SQL = [
  `delete from catalog_lexeme`,
  `insert into catalog_lexeme (word, ndoc)
   select word, ndoc from ts_stat('select to_tsvector(''simple'', search_text) from catalog_product where deleted_at is null')
   where length(word) >= 3`,
]

export const DELETE_CREATED_SQL = `
  delete from catalog_product where id in (select jsonb_array_elements_text(:ids::jsonb))`

export const DELETE_SQL = `
  delete from catalog_product
  where id in (select jsonb_array_elements_text(:ids::jsonb)) and sync_version < :version::bigint`
