/**
 * What the in-process search index (search-index/) reads. Every row is named by its
 * versions first; only rows whose versions moved since the process's last load are read
 * again (docs/DECISIONS.md, "Search from an in-process index").
 */

/**
 * The stored rows' ids and versions (`sync_version:stock_version`) as one JSON text, their
 * number, and whether the database orders text by code point (the index sorts ids, names
 * and lexemes that way; under another collation, an ICU default included, searches stay
 * in PostgreSQL). `datlocprovider` (PostgreSQL 15+) is read through JSON so that older
 * servers, which have libc collations only, run the same statement.
 */
export const INDEX_CENSUS_SQL = `
  select coalesce(json_agg(json_build_array(p.id, p.sync_version::text || ':' || p.stock_version::text)), '[]')::text as census,
    count(*)::int as count,
    (select datcollate in ('C', 'POSIX', 'C.UTF-8', 'C.utf8')
        and coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') = 'c'
      from pg_database d where d.datname = current_database()) as codepoint_order
  from catalog_product p where p.deleted_at is null`

/**
 * What the index keeps of rows (all stored rows when `:ids` is null), as the search
 * statement compares it: the sort keys by the same expressions (sql/queries.ts, SORTS),
 * the vector as text.
 */
export const INDEX_ROWS_SQL = `
  select p.id, p.sync_version::text || ':' || p.stock_version::text as version, p.is_active,
    p.price::float8 as price, p.category_ids, p.tags, p.in_stock,
    (extract(epoch from p.product_created_at) * 1000000)::bigint::text as created,
    lower(p.name) as name_key, coalesce(p.rating_average, -1)::float8 as rating, p.review_count,
    p.search_vector::text as vector
  from catalog_product p
  where p.deleted_at is null
    and (:ids::jsonb is null or p.id in (select jsonb_array_elements_text(:ids::jsonb)))`
