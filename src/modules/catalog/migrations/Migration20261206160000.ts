import { Migration } from "@medusajs/framework/mikro-orm/migrations";

/**
 * Hand-written, like `sync_version` (Migration20261130222222): the table is the search
 * SQL's own business (no record type reads it) and its key needs a collation DML cannot
 * express.
 *
 * `catalog_term` holds every lexeme of the products' search vectors (names, categories,
 * tags and descriptions, any length): a superset, kept by every write of catalog rows and
 * recounted with the lexicon. A search word matches every lexeme it is a prefix of; the
 * typo statement (TSQUERY_SQL) reads that word's lexemes here, in a range of this
 * byte-ordered ("C") key, and asks the full-text index for them exactly instead of as a
 * prefix, which GIN answers several times cheaper (docs/DECISIONS.md, "Search words as the
 * catalog's exact lexemes").
 */
export class Migration20261206160000 extends Migration {

  override async up(): Promise<void> {
    this.addSql(`create table if not exists "catalog_term" ("word" text collate "C" not null, constraint "catalog_term_pkey" primary key ("word"));`);
    // Rows written before this table existed.
    this.addSql(`insert into "catalog_term" ("word") select word from ts_stat('select search_vector from catalog_product') on conflict do nothing;`);
    this.addSql(`ANALYZE "catalog_term";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "catalog_term";`);
  }

}
