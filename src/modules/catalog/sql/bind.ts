import { createHash } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

type Compiled = { text: string; names: string[]; name?: string }

/**
 * Statements compiled so far, by their text. Every statement is a constant of this module
 * or built from validated enums (a handful of shapes), never from user input, so the map
 * stays small; it is bounded all the same.
 */
const compiled = new Map<string, Compiled>()
const MAX_COMPILED = 256

function compile(sql: string): Compiled {
  const names: string[] = []
  const text = sql.replace(
    /('(?:[^']|'')*')|(?<!:):([a-z_][a-z0-9_]*)/g,
    (match, literal, name: string) => {
      if (literal) {
        return match
      }
      names.push(name)
      return "?"
    }
  )
  return { text, names }
}

function compiledOf(sql: string): Compiled {
  let statement = compiled.get(sql)
  if (!statement) {
    statement = compile(sql)
    if (compiled.size >= MAX_COMPILED) {
      compiled.clear()
    }
    compiled.set(sql, statement)
  }
  return statement
}

/**
 * The name a statement is prepared under (node-postgres keeps one text per name on each
 * connection): derived from its text, so two texts never share one.
 */
export function preparedName(sql: string): string {
  const statement = compiledOf(sql)
  statement.name ??= `catalog_${createHash("sha1").update(statement.text).digest("hex").slice(0, 20)}`
  return statement.name
}

/**
 * Turns `:name` placeholders into the positional `?` bindings MikroORM's `execute` takes,
 * so long statements can name their parameters. Only placeholders are replaced: values
 * always travel as bindings, never in the SQL text. `::type` casts and anything inside
 * quoted literals (such as `'[[:alnum:]]'`) are left alone.
 * Arrays must be passed as JSON text (knex would expand a JS array into a list).
 * A statement's text is rewritten once per process; later calls only gather the values.
 */
export function bindNamed(
  sql: string,
  params: Record<string, string | number | boolean | null>
): [string, (string | number | boolean | null)[]] {
  const statement = compiledOf(sql)
  const values = statement.names.map((name) => {
    if (!(name in params)) {
      throw new MedusaError(
        MedusaError.Types.UNEXPECTED_STATE,
        `SQL parameter :${name} has no value`
      )
    }
    return params[name]
  })
  return [statement.text, values]
}
