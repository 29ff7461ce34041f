/**
 * The statements of a search answered from the in-process index (search-index/answer.ts):
 * the index chose the page's products, and one statement reads their JSON and cursor keys
 * by id, with the same expressions as the search statement (sql/queries.ts), so the
 * answer's text is the same. Values are bound; the text depends on the sort alone.
 */
import { afterCursor, keyJson, orderBy, pageOutputs, type CatalogSort } from "./queries"

const statements = new Map<string, string>()

/** The page of a sort other than relevance: `:ids` (a JSON array) in order. */
export function indexPageSql(sort: Exclude<CatalogSort, "relevance">): string {
  let sql = statements.get(sort)
  if (sql === undefined) {
    sql = `
  with page as (
    select p.id, ${keyJson(sort, "p")} as key, r.ord
    from rows from (jsonb_array_elements_text(:ids::jsonb)) with ordinality r(id, ord)
    join catalog_product p on p.id = r.id
  )
  select ${pageOutputs()}`
    statements.set(sort, sql)
  }
  return sql
}

/**
 * The page of a relevance search: `:rows` (JSON: id, full-text rank, in the head) are the
 * head, re-ranked here by how closely the raw query (`:q`) resembles each one's text, as
 * the search statement does, and the rows after it; the cursor and `:offset` apply to
 * them ordered.
 */
export const INDEX_RANKED_PAGE_SQL = `
  with r as (
    select * from jsonb_to_recordset(:rows::jsonb) as r(id text, rank real, in_head boolean)
  ),
  ordered as (
    select r.id, true as in_head, r.rank + word_similarity(lower(:q), p.search_text) as score
    from r join catalog_product p on p.id = r.id where r.in_head
    union all
    select r.id, false, r.rank from r where not r.in_head
  ),
  page_rows as (
    select o.id, ${keyJson("relevance", "o")} as key from ordered o
    where ${afterCursor("relevance", "o")}
    order by ${orderBy("relevance", "o")} limit :limit_plus_one offset :offset
  ),
  page as (
    select c.id, c.key, row_number() over () as ord from page_rows c
  )
  select ${pageOutputs()}`
