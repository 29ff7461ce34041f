import { performance } from "node:perf_hooks"
import type { Context } from "@medusajs/framework/types"
import {
  InjectManager,
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import { CatalogLexeme } from "./models/catalog-lexeme"
import { CatalogProduct } from "./models/catalog-product"
import { bindNamed, preparedName } from "./sql/bind"
import {
  ADD_LEXEMES_SQL,
  CATEGORY_GROUPS_SQL,
  DELETE_CREATED_SQL,
  DELETE_SQL,
  LOCK_ROWS_SQL,
  NEXT_SYNC_VERSION_SQL,
  REBUILD_LEXEMES_SQL,
  RESTORE_SQL,
  ROWS_SQL,
  STOCK_SQL,
  TSQUERY_SQL,
  UPSERT_SQL,
  VIEW_SQL,
} from "./sql/queries"
import { catalogStatement } from "./sql/statement"
import { INDEX_CENSUS_SQL, INDEX_ROWS_SQL, INDEX_SHAPE_SQL } from "./sql/index-load"
import { INDEX_RANKED_PAGE_SQL, indexPageSql } from "./sql/index-page"
import { answerFromIndex, type IndexAnswer } from "./search-index/answer"
import { buildSearchIndex, Lexicon, type IndexedRow, type SearchIndex } from "./search-index/build"
import { SearchIndexLoads, type LoadOutcome } from "./search-index/loads"
import { indexedRow, type StoredIndexRow } from "./search-index/rows"
import { indexIdsPage } from "./search-index/page"
import { listFromIndex, prepareListOrders } from "./search-index/list"
import { parseTsquery } from "../../utils/catalog/rank-cd"
import { SHOWABLE_VIEWS_SQL, SIMILAR_SQL, TOP_RATED_SQL } from "./sql/related"
import type {
  CatalogKnown,
  CatalogPage,
  CatalogQuery,
  CatalogRow,
  CatalogSort,
  CatalogStock,
} from "./types"

type Params = Record<string, string | number | boolean | null>

/** What a prepared statement is run through: knex, or the transaction a caller is in. */
type RawRunner = {
  raw(
    sql: string,
    bindings: (string | number | boolean | null)[]
  ): { options(options: { name: string }): PromiseLike<{ rows: unknown[] }> }
}

/** A product's id and its API JSON as text. */
export type ProductView = { id: string; view: string }

export type WrittenRow = {
  id: string
  stock_quantity: number | null
  previous_stock: number | null
  existed: boolean
  /** Anything but the units in stock differs from before (always true for a new row). */
  content_changed: boolean
}

/** What a sync's write did: the rows written, and the rows of missing products removed. */
export type CatalogWrite = { rows: WrittenRow[]; removed: string[] }

/** How large a catalog the search index takes, and how much of its JSON it keeps. */
export type SearchIndexLimits = {
  maxProducts: number
  /** The products' JSON is kept while it is estimated at most this many bytes (0: never). */
  maxViewBytes: number
}

/** This process's search index, as GET /metrics shows it. */
export type SearchIndexStats = {
  /** Rows in the index last loaded (0: none, or the catalog is too large for one). */
  rows: number
  loads: number
  last_load_ms: number
  /** Searches answered from the index, and by the search statement. */
  from_index: number
  from_database: number
  /** List pages (no search words) made from the index. */
  lists_from_index: number
  /** Searches the index failed on (answered by the statement), and loads that failed. */
  errors: number
  load_failures: number
}

type LockedRow = { id: string; stock_quantity: number | null; digest: string }

/** Rows read per statement when the search index reads changed rows. */
const INDEX_READ_BATCH = 2_000

/** Whether a page made from the index's copy of the products' JSON shows them as they are. */
function currentViews(known: CatalogKnown, products: readonly string[]): boolean {
  return !known.viewsCurrent || known.viewsCurrent(products, known.index?.marksEpoch ?? 0)
}

/** Lets queued requests run between two batches of an index load. */
function yieldToRequests(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve))
}

/**
 * The catalog read model. Rows are written only by the catalog sync workflow; reads are
 * single statements over the denormalized table (see sql/queries.ts).
 */
export default class CatalogModuleService extends MedusaService({
  CatalogProduct,
  CatalogLexeme,
}) {
  /** This process's loads of the in-process search index (search-index/loads.ts). */
  private readonly searchIndexLoads_ = new SearchIndexLoads()
  private readonly searchIndexStats_: SearchIndexStats = {
    rows: 0,
    loads: 0,
    last_load_ms: 0,
    from_index: 0,
    from_database: 0,
    lists_from_index: 0,
    errors: 0,
    load_failures: 0,
  }
  private keptSearchIndex_: { stamp: string; index: SearchIndex | null } | undefined

  private async run<T>(manager: unknown, sql: string, params: Params): Promise<T[]> {
    const [text, values] = bindNamed(sql, params)
    return (manager as SqlEntityManager).execute(text, values) as Promise<T[]>
  }

  /**
   * Runs one of the search's statements as a named prepared statement, its values bound as
   * parameters: each connection parses it once, and PostgreSQL may keep one plan for it
   * (chosen after five executions when it costs no more than planning each time), where
   * `run` sends the whole text with the values inlined, parsed and planned on every request
   * (docs/PERFORMANCE.md, "Random searches cost less"). On the caller's transaction when
   * it is in one, like `run`.
   */
  private async runPrepared<T>(manager: unknown, sql: string, params: Params): Promise<T[]> {
    const [text, values] = bindNamed(sql, params)
    const em = manager as SqlEntityManager
    const runner = (em.getTransactionContext<RawRunner & object>() ??
      em.getKnex()) as unknown as RawRunner
    const result = await runner.raw(text, values).options({ name: preparedName(sql) })
    return result.rows as T[]
  }

  /**
   * One list or search page. `known` carries what the caller has cached for this catalog
   * generation (the search's tsquery, the list's total), which is then not computed again.
   */
  @InjectManager()
  async queryCatalog(
    query: CatalogQuery,
    known: CatalogKnown = {},
    @MedusaContext() context: Context = {}
  ): Promise<CatalogPage> {
    let tsquery: string | null = null
    if (query.q) {
      tsquery =
        known.tsquery !== undefined ? known.tsquery : await this.searchQuery(query.q, context)
    }
    const fromIndex =
      known.index && tsquery ? this.answerFromIndex(known.index, query, tsquery) : null
    if (fromIndex) {
      this.searchIndexStats_.from_index++
      return this.indexPage(known, query, fromIndex, context.manager)
    }
    if (query.q) {
      this.searchIndexStats_.from_database++
    }
    const listed = !query.q && known.index ? this.listFromIndex(known.index, query, known) : null
    if (listed) {
      this.searchIndexStats_.lists_from_index++
      return listed
    }
    const { sql, params } = catalogStatement(query, tsquery, known.count)
    const [page] = query.q
      ? await this.runPrepared<CatalogPage>(context.manager, sql, params)
      : await this.run<CatalogPage>(context.manager, sql, params)
    return page
  }

  /**
   * The search index's answer, or null when it leaves the search to the statement (an
   * unsupported query, or an error: counted, and the statement answers; a search never
   * fails because of the index).
   */
  private answerFromIndex(
    index: SearchIndex,
    query: CatalogQuery,
    tsquery: string
  ): IndexAnswer | null {
    try {
      const node = parseTsquery(tsquery)
      return node ? answerFromIndex(index, query, node) : null
    } catch {
      this.searchIndexStats_.errors++
      return null
    }
  }

  /** A list page from the index (search-index/list.ts), or null: the statement answers. */
  private listFromIndex(
    index: SearchIndex,
    query: CatalogQuery,
    known: CatalogKnown
  ): CatalogPage | null {
    try {
      const page = listFromIndex(index, query, known.count)
      return page && currentViews(known, page.product_ids) ? page : null
    } catch {
      this.searchIndexStats_.errors++
      return null
    }
  }

  /** The index kept for `stamp` (a catalog generation), null: none for it, undefined: unknown. */
  searchIndexFor(stamp: string): SearchIndex | null | undefined {
    return this.keptSearchIndex_?.stamp === stamp ? this.keptSearchIndex_.index : undefined
  }

  /** Keeps this process's index (or that there is none) for a catalog generation. */
  keepSearchIndex(stamp: string, index: SearchIndex | null): void {
    this.keptSearchIndex_ = { stamp, index }
  }

  /** A search's page whose products the search index chose: their JSON and cursor keys. */
  private async indexPage(
    known: CatalogKnown,
    query: CatalogQuery,
    answer: IndexAnswer,
    manager: unknown
  ): Promise<CatalogPage> {
    const { page, ...counts } = answer
    const sort = query.sort as Exclude<CatalogSort, "relevance">
    // Made from the index's copy of the products' JSON when it keeps one (page.ts) and
    // none of the page's products changed since (a stock change marks them).
    const index = known.index as SearchIndex
    const fromMemory = page.kind === "ids" && indexIdsPage(index, sort, page.rows, query.limit)
    if (fromMemory && currentViews(known, fromMemory.product_ids)) {
      return { ...counts, ...fromMemory }
    }
    const [rows] =
      page.kind === "ids"
        ? await this.runPrepared<CatalogPage>(manager, indexPageSql(sort), {
            ids: JSON.stringify(page.ids),
            limit: query.limit,
          })
        : await this.runPrepared<CatalogPage>(manager, INDEX_RANKED_PAGE_SQL, {
            rows: JSON.stringify(page.rows),
            q: query.q ?? "",
            limit: query.limit,
            limit_plus_one: query.limit + 1,
            offset: page.offset,
            k1: query.after?.[0] ?? null,
            k2: query.after?.[1] ?? null,
            k3: query.after?.[2] ?? null,
          })
    return { ...counts, ...rows }
  }

  /**
   * This process's search index, read from the database at or after `since`
   * (performance.now()) or in a load started for the same catalog generation (`stamp`);
   * null when the catalog has more than `maxProducts` rows or a collation the index does
   * not follow, undefined when no load ran now (one just did).
   */
  @InjectManager()
  async loadSearchIndex(
    since: number,
    limits: SearchIndexLimits,
    stamp?: string,
    marksNow: () => number = () => 0,
    @MedusaContext() context: Context = {}
  ): Promise<LoadOutcome> {
    return this.searchIndexLoads_.request(
      since,
      async (previous) => {
        const started = performance.now()
        // Before anything is read: the rows reflect every mark up to this epoch.
        const marksEpoch = marksNow()
        const index = await this.readSearchIndex(previous, limits, context.manager).catch(
          (error: unknown) => {
            this.searchIndexStats_.load_failures++
            throw error
          }
        )
        Object.assign(this.searchIndexStats_, {
          rows: index?.size ?? 0,
          loads: this.searchIndexStats_.loads + 1,
          last_load_ms: Math.round(performance.now() - started),
        })
        if (index) {
          // An unchanged index (no row's versions moved) is as current as this load, too.
          index.marksEpoch = marksEpoch
        }
        return index
      },
      stamp
    )
  }

  /** What this process's search index holds and how searches were answered (GET /metrics). */
  searchIndexStats(): SearchIndexStats {
    return { ...this.searchIndexStats_ }
  }

  /** The index of the stored rows, reading only those changed since `previous`. */
  private async readSearchIndex(
    last: SearchIndex | undefined,
    { maxProducts, maxViewBytes }: SearchIndexLimits,
    manager: unknown
  ): Promise<SearchIndex | null> {
    const [shape] = await this.run<{
      count: number
      codepoint_order: boolean
      inexact_prices: boolean
      view_bytes_sampled: number
    }>(manager, INDEX_SHAPE_SQL, {})
    if (!shape.codepoint_order || shape.inexact_prices || shape.count > maxProducts) {
      return null
    }
    // The products' JSON is kept too while it fits (an estimate from a sample of rows);
    // when that changes, every row is read again, with or without it.
    const withViews = shape.count * shape.view_bytes_sampled <= maxViewBytes
    const previous = last && (last.views !== undefined) === withViews ? last : undefined
    const [census] = await this.run<{ census: string }>(manager, INDEX_CENSUS_SQL, {})
    const lexicon = last?.lexicon ?? new Lexicon()
    const rows = new Map<string, IndexedRow>()
    const stale: string[] = []
    for (const [id, version] of JSON.parse(census.census) as [string, string][]) {
      const known = previous?.rows.get(id)
      if (known?.version === version) {
        rows.set(id, known)
      } else {
        stale.push(id)
      }
    }
    if (previous && !stale.length && rows.size === previous.rows.size) {
      return previous
    }
    for (let from = 0; from < stale.length; from += INDEX_READ_BATCH) {
      const ids = JSON.stringify(stale.slice(from, from + INDEX_READ_BATCH))
      const params = { ids, with_views: withViews }
      for (const stored of await this.run<StoredIndexRow>(manager, INDEX_ROWS_SQL, params)) {
        const row = indexedRow(stored, lexicon)
        if (!row) {
          return null
        }
        rows.set(row.id, row)
      }
      await yieldToRequests()
    }
    const index = buildSearchIndex(rows, lexicon)
    if (index?.views) {
      await prepareListOrders(index, yieldToRequests)
    }
    return index
  }

  /** The full-text query a search's words mean (typo alternatives included), or null. */
  @InjectManager()
  async searchQuery(q: string, @MedusaContext() context: Context = {}): Promise<string | null> {
    const [row] = await this.runPrepared<{ tsquery: string | null }>(context.manager, TSQUERY_SQL, {
      q,
    })
    return row?.tsquery ?? null
  }

  /**
   * The active products counted by the set of categories they are directly in (one row
   * per distinct set): what the category tree's counts are computed from.
   */
  @InjectManager()
  async countByDirectCategories(
    @MedusaContext() context: Context = {}
  ): Promise<{ category_ids: string[]; count: number }[]> {
    return this.run(context.manager, CATEGORY_GROUPS_SQL, {})
  }

  /** One product's JSON, or undefined when it is unknown or deleted. */
  @InjectManager()
  async findView(
    id: string,
    @MedusaContext() context: Context = {}
  ): Promise<{ view: string; is_active: boolean } | undefined> {
    const [row] = await this.run<{ view: string; is_active: boolean }>(context.manager, VIEW_SQL, {
      id,
    })
    return row
  }

  /** The JSON of those of `ids` that may be shown (active, in stock), by id. */
  @InjectManager()
  async showableViews(
    ids: string[],
    @MedusaContext() context: Context = {}
  ): Promise<Map<string, string>> {
    if (!ids.length) {
      return new Map()
    }
    const rows = await this.run<ProductView>(context.manager, SHOWABLE_VIEWS_SQL, {
      ids: JSON.stringify(ids),
    })
    return new Map(rows.map((row) => [row.id, row.view]))
  }

  /** Showable products like `seeds` (categories, tags, name words), best first. */
  @InjectManager()
  async similarViews(
    seeds: string[],
    exclude: string[],
    limit: number,
    @MedusaContext() context: Context = {}
  ): Promise<ProductView[]> {
    if (!seeds.length) {
      return []
    }
    return this.run<ProductView>(context.manager, SIMILAR_SQL, {
      seeds: JSON.stringify(seeds),
      exclude: JSON.stringify(exclude),
      limit,
    })
  }

  /** The best rated showable products, without `exclude`. */
  @InjectManager()
  async topRatedViews(
    exclude: string[],
    limit: number,
    @MedusaContext() context: Context = {}
  ): Promise<ProductView[]> {
    return this.run<ProductView>(context.manager, TOP_RATED_SQL, {
      exclude: JSON.stringify(exclude),
      limit,
    })
  }

  /** The stored rows of these products (for compensation and stock-change detection). */
  @InjectManager()
  async findRows(
    ids: string[],
    @MedusaContext() context: Context = {}
  ): Promise<{ id: string; stock_quantity: number | null; row: CatalogRow }[]> {
    if (!ids.length) {
      return []
    }
    return this.run(context.manager, ROWS_SQL, { ids: JSON.stringify(ids) })
  }

  /** A number that orders syncs: taken before a sync reads Medusa's modules. */
  @InjectManager()
  async nextSyncVersion(@MedusaContext() context: Context = {}): Promise<string> {
    const [row] = await this.run<{ version: string }>(context.manager, NEXT_SYNC_VERSION_SQL, {})
    return row.version
  }

  /**
   * Writes rows read by the sync numbered `version`, and removes the rows of `missing`
   * products; rows last written by a later sync are left alone. Returns the rows written
   * with the stock they had before and whether anything else changed, and the rows removed.
   */
  @InjectTransactionManager()
  async writeRows(
    rows: CatalogRow[],
    missing: string[],
    version: string,
    @MedusaContext() context: Context = {}
  ): Promise<CatalogWrite> {
    const manager = context.transactionManager
    let written: WrittenRow[] = []
    if (rows.length) {
      const ids = JSON.stringify(rows.map((row) => row.id))
      const before = new Map(
        (await this.run<LockedRow>(manager, LOCK_ROWS_SQL, { ids })).map((row) => [row.id, row])
      )
      const upserted = await this.run<Omit<LockedRow, "id"> & { id: string }>(manager, UPSERT_SQL, {
        rows: JSON.stringify(rows),
        version,
      })
      written = upserted.map(({ digest, ...row }) => {
        const previous = before.get(row.id)
        return {
          ...row,
          existed: previous !== undefined,
          previous_stock: previous?.stock_quantity ?? null,
          content_changed: previous?.digest !== digest,
        }
      })
      await this.run(manager, ADD_LEXEMES_SQL, {
        ids: JSON.stringify(written.map((row) => row.id)),
      })
    }
    const removed = missing.length
      ? await this.run<{ id: string }>(manager, DELETE_SQL, {
          ids: JSON.stringify(missing),
          version,
        })
      : []
    return { rows: written, removed: removed.map((row) => row.id) }
  }

  /**
   * Writes the stock alone of these products, read by the caller after it took `version`
   * (nextSyncVersion); a row whose stock came from a later-numbered write is left alone.
   * One statement. Returns the rows written with the stock they had before.
   */
  @InjectManager()
  async writeStock(
    stock: CatalogStock[],
    version: string,
    @MedusaContext() context: Context = {}
  ): Promise<(WrittenRow & { is_active: boolean })[]> {
    if (!stock.length) {
      return []
    }
    const rows = await this.run<{
      id: string
      stock_quantity: number | null
      previous_stock: number | null
      in_stock: boolean
      previous_in_stock: boolean
      is_active: boolean
    }>(context.manager, STOCK_SQL, { rows: JSON.stringify(stock), version })
    // Only the stock columns are written: going in or out of stock is the one change of
    // what lists and totals depend on.
    return rows.map(({ in_stock, previous_in_stock, ...row }) => ({
      ...row,
      existed: true,
      content_changed: in_stock !== previous_in_stock,
    }))
  }

  /**
   * Undoes a sync whose workflow failed: rows it created go, rows it changed or removed
   * come back, numbered `version` so they win over any sync that ran meanwhile. Such a
   * sync may have read the state being rolled back (Medusa releases the events of a
   * finished sub-workflow even when the workflow around it fails), so the snapshot taken
   * before the write is the better answer.
   */
  @InjectTransactionManager()
  async restoreRows(
    previous: CatalogRow[],
    created: string[],
    version: string,
    @MedusaContext() context: Context = {}
  ): Promise<void> {
    const manager = context.transactionManager
    if (created.length) {
      await this.run(manager, DELETE_CREATED_SQL, { ids: JSON.stringify(created) })
    }
    if (previous.length) {
      await this.run(manager, RESTORE_SQL, { rows: JSON.stringify(previous), version })
      // Their words may have left the lexicon and `catalog_term` in a rebuild meanwhile.
      await this.run(manager, ADD_LEXEMES_SQL, {
        ids: JSON.stringify(previous.map((row) => row.id)),
      })
    }
  }

  /**
   * Refreshes the planner's statistics and visibility map of the catalog tables. A backfill
   * rewrites every row; until autovacuum catches up the planner misjudges how many rows a
   * filter keeps (46 estimated for 6,604 seen) and index-only scans visit the heap. VACUUM
   * cannot run in a transaction, so this runs on the plain connection.
   */
  @InjectManager()
  async refreshStatistics(@MedusaContext() context: Context = {}): Promise<void> {
    await this.run(context.manager, "vacuum (analyze) catalog_product", {})
    // Also merges the pending list of the lexicon's trigram index, which its rebuild filled.
    await this.run(context.manager, "vacuum (analyze) catalog_lexeme", {})
  }

  /** Recounts the lexicon from scratch (after a backfill or by the reconcile job). */
  @InjectTransactionManager()
  async rebuildLexicon(@MedusaContext() context: Context = {}): Promise<void> {
    for (const sql of REBUILD_LEXEMES_SQL) {
      await this.run(context.transactionManager, sql, {})
    }
  }
}
