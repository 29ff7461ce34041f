import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Hand-written: planner statistics and GIN storage options are not part of the model.
 *
 * - Statistics on the sort keys' expressions. The sort indexes are partial, and PostgreSQL
 *   ignores the expression statistics of partial indexes, so a price range compared through
 *   `coalesce(price, …)` was estimated at 0.5 % of the rows (25 % at 100,000 products): a
 *   filtered page was then read with a bitmap of every matching row and a sort (5,700 pages)
 *   instead of along the sort's index (200 pages). Cursors compare the same expressions.
 * - A small pending list for the GIN indexes. GIN appends new entries to a pending list
 *   that every search reads in full until VACUUM merges it (up to 4 MB by default). After
 *   the lexicon's rebuild, each typo lookup read 420 pending pages and the planner, seeing
 *   them, chose a sequential scan of the lexicon (70 ms per word at 100,000 words). Syncs
 *   update catalog rows all day, so the product indexes fill theirs too.
 */
export class Migration20261206040000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`CREATE STATISTICS IF NOT EXISTS "STAT_catalog_product_price_asc_key" ON (coalesce("price", 1000000000000000::numeric)) FROM "catalog_product";`);
    this.addSql(`CREATE STATISTICS IF NOT EXISTS "STAT_catalog_product_price_desc_key" ON (coalesce("price", -1::numeric)) FROM "catalog_product";`);
    this.addSql(`CREATE STATISTICS IF NOT EXISTS "STAT_catalog_product_name_key" ON (lower("name")) FROM "catalog_product";`);
    this.addSql(`CREATE STATISTICS IF NOT EXISTS "STAT_catalog_product_rating_key" ON (coalesce("rating_average", -1::real)) FROM "catalog_product";`);
    for (const index of GIN_INDEXES) {
      this.addSql(`ALTER INDEX IF EXISTS "${index}" SET (gin_pending_list_limit = 128);`);
    }
    this.addSql(`ANALYZE "catalog_product";`);
  }

  override async down(): Promise<void> {
    for (const key of ["price_asc", "price_desc", "name", "rating"]) {
      this.addSql(`DROP STATISTICS IF EXISTS "STAT_catalog_product_${key}_key";`);
    }
    for (const index of GIN_INDEXES) {
      this.addSql(`ALTER INDEX IF EXISTS "${index}" RESET (gin_pending_list_limit);`);
    }
  }

}

/** Their pending lists are kept at 128 kB: at most 16 pages a search reads beside the index. */
const GIN_INDEXES = [
  "IDX_catalog_product_search_vector",
  "IDX_catalog_product_category_ids",
  "IDX_catalog_product_tags",
  "IDX_catalog_lexeme_word_trgm",
];
