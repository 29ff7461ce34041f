/**
 * What the in-process search index (search-index/) reads. Every row is named by its
 * versions first; only rows whose versions moved since the process's last load are read
 * again (docs/DECISIONS.md, "Search from an in-process index").
 */

/**
 * Whether the catalog can have an index, asked before anything is read: its number of rows,
 * the average size of a product's JSON over up to 1,000 rows (whether the views fit in the
 * memory allowed for them),
 * whether the database orders text by code point (the index sorts ids, names and lexemes
 * that way; under another collation, an ICU default included, searches stay in
 * PostgreSQL), and whether a price is not exactly a double (more than 15 significant
 * digits: the index compares prices as doubles). `datlocprovider` (PostgreSQL 15+) is read
 * through JSON so that older servers, which have libc collations only, run it too.
 */
export const INDEX_SHAPE_SQL = `
  select count(*)::int as count,
    coalesce(bool_or(p.price is not null and p.price::float8::numeric <> p.price), false)
      as inexact_prices,
    (select datcollate in ('C', 'POSIX', 'C.UTF-8', 'C.utf8')
        and coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') = 'c'
      from pg_database d where d.datname = current_database()) as codepoint_order,
    (select coalesce(avg(octet_length(s.view::text)), 0)::float8
      from (select v.view from catalog_product v where v.deleted_at is null limit 1000) s)
      as view_bytes_sampled
  from catalog_product p where p.deleted_at is null`

/** The stored rows' ids and versions (`sync_version:stock_version`), as one JSON text. */
export const INDEX_CENSUS_SQL = `
  select coalesce(json_agg(json_build_array(p.id, p.sync_version::text || ':' || p.stock_version::text)), '[]')::text as census
  from catalog_product p where p.deleted_at is null`

/**
 * What the index keeps of rows (all stored rows when `:ids` is null), as the search
 * statement compares it: the sort keys by the same expressions (sql/queries.ts, SORTS),
 * the vector as text, the keys a cursor shows as PostgreSQL prints them (keyJson), and,
 * `:with_views`, the product's JSON as a page shows it (pageOutputs).
 */
export const INDEX_ROWS_SQL = `
  select p.id, p.sync_version::text || ':' || p.stock_version::text as version, p.is_active,
    p.price::float8 as price, p.category_ids, p.tags, p.in_stock,
    (extract(epoch from p.product_created_at) * 1000000)::bigint::text as created,
    lower(p.name) as name_key, coalesce(p.rating_average, -1)::float8 as rating, p.review_count,
    p.search_vector::text as vector,
    p.price::text as price_text, (coalesce(p.rating_average, -1::real))::text as rating_text,
    case when :with_views::boolean then p.view::text end as view
  from catalog_product p
  where p.deleted_at is null
    and (:ids::jsonb is null or p.id in (select jsonb_array_elements_text(:ids::jsonb)))`
