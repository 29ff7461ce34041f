/**
 * Statements behind recommendations (docs/RECOMMENDATIONS.md): which products may be
 * shown, and products similar to some others. Only active, in-stock, not deleted products
 * are ever returned. Lists travel as one JSON text binding.
 */

const SHOWABLE = `p.deleted_at is null and p.is_active and p.in_stock`

/** The showable products among `:ids`, with their JSON (the caller keeps its own order). */
export const SHOWABLE_VIEWS_SQL = `
  select p.id, p.view::text as view from catalog_product p
  where p.id in (select jsonb_array_elements_text(:ids::jsonb)) and ${SHOWABLE}`

/** How many candidates each source of similarSql may bring to the scoring. */
export const SIMILAR_CANDIDATES_PER_SOURCE = 200

/**
 * Products like the `:seeds`: sharing their categories (a category or one below it), their
 * tags, or words of their names and tags. Each source takes at most
 * SIMILAR_CANDIDATES_PER_SOURCE rows through its GIN index (category_ids, tags,
 * search_vector), so the cost does not grow with the catalog; the union is then scored:
 * same leaf category 3, each shared tag 2, each shared ancestor category 0.5, plus the
 * full-text rank of the words ×4; ties by rating, then id. `:exclude` (JSON) never appears.
 */
export const SIMILAR_SQL = `
  with src as (
    select p.category_id, p.category_ids, p.tags, p.name
    from catalog_product p
    where p.id in (select jsonb_array_elements_text(:seeds::jsonb)) and p.deleted_at is null
  ),
  excluded as (
    select array(select jsonb_array_elements_text(:exclude::jsonb)) as ids
  ),
  wanted as (
    select
      coalesce(array_agg(distinct s.category_id) filter (where s.category_id is not null), '{}') as leaves,
      coalesce((select array_agg(distinct c) from src, unnest(src.category_ids) c), '{}') as ancestors,
      coalesce((select array_agg(distinct t) from src, unnest(src.tags) t), '{}') as tags
    from src s
  ),
  words as (
    select distinct w from src,
      unnest(tsvector_to_array(to_tsvector('simple', src.name || ' ' || array_to_string(src.tags, ' ')))) w
    where length(w) >= 3
    limit 32
  ),
  tq as (
    select to_tsquery('simple', string_agg(quote_literal(w), ' | ')) as q from words
  ),
  candidates as (
    (select p.id from catalog_product p, wanted, excluded
      where p.category_ids && wanted.leaves and ${SHOWABLE} and p.id <> all(excluded.ids)
      limit ${SIMILAR_CANDIDATES_PER_SOURCE})
    union
    (select p.id from catalog_product p, wanted, excluded
      where p.tags && wanted.tags and ${SHOWABLE} and p.id <> all(excluded.ids)
      limit ${SIMILAR_CANDIDATES_PER_SOURCE})
    union
    (select p.id from catalog_product p, tq, excluded
      where tq.q is not null and p.search_vector @@ tq.q and ${SHOWABLE} and p.id <> all(excluded.ids)
      limit ${SIMILAR_CANDIDATES_PER_SOURCE})
  )
  select p.id, p.view::text as view from (
    select p.id, p.rating_average,
      (case when p.category_id = any(wanted.leaves) then 3 else 0 end)
      + 2 * cardinality(array(select unnest(p.tags) intersect select unnest(wanted.tags)))
      + 0.5 * cardinality(array(select unnest(p.category_ids) intersect select unnest(wanted.ancestors)))
      + 4 * coalesce(ts_rank_cd(p.search_vector, tq.q), 0) as score
    from candidates c
    join catalog_product p on p.id = c.id
    cross join wanted
    cross join tq
  ) scored
  join catalog_product p on p.id = scored.id
  order by scored.score desc, scored.rating_average desc nulls last, scored.id
  limit :limit`

/**
 * The best rated showable products (the last resort when there is no order history at
 * all), along the rating index. `:exclude` (JSON) never appears.
 */
export const TOP_RATED_SQL = `
  select p.id, p.view::text as view from catalog_product p
  where ${SHOWABLE}
    and p.id <> all(array(select jsonb_array_elements_text(:exclude::jsonb)))
  order by p.rating_average desc nulls last, p.review_count desc, p.id
  limit :limit`
