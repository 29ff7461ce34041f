import { model } from "@medusajs/framework/utils"

/**
 * Words of the catalog's names, categories and tags. A search term that matches nothing
 * is corrected to its nearest words here (trigram similarity, GIN-indexed), which is how
 * `wireles mouse` finds "Wireless Mouse" without scanning the products.
 */
export const CatalogLexeme = model.define("catalog_lexeme", {
  word: model.text().primaryKey(),
  /** How many products use the word (refreshed by a full rebuild); breaks similarity ties. */
  ndoc: model.number().default(0),
})
