/**
 * `npm run client:generate [-- --url http://localhost:9000/openapi.json] [--out FILE] [--check]`
 *
 * Writes the typed client's types (packages/client/src/schema.d.ts) from the engine's
 * OpenAPI document. Without --url the document is built here from the contract, exactly as
 * `GET /openapi.json` builds it; with --url it is fetched from a running engine. With
 * --check nothing is written: it exits 1 when the file differs from the document (the
 * drift test in integration-tests/http/storefront-client.spec.ts runs it that way).
 */
import fs from "node:fs"
import path from "node:path"
import { ConfigError, describeFailure } from "./lib/config-error"
import { fail, info } from "./lib/log"
import { CLIENT_TYPES_FILE, renderClientTypes } from "./lib/client-types"
import { buildOpenApiDocument } from "../src/api/utils/openapi"
import { contractRoutes } from "../src/api/contracts"

const SCOPE = "client:generate"
const ROOT = path.resolve(__dirname, "..")
const USAGE =
  "usage: npm run client:generate -- [--url http://host:port/openapi.json] [--out FILE] [--check]"

type Options = { url?: string; out: string; check: boolean }

function parseArgs(argv: string[]): Options {
  const options: Options = { out: path.join(ROOT, CLIENT_TYPES_FILE), check: false }
  for (let index = 0; index < argv.length; index++) {
    const [flag, inline] = argv[index].split(/=(.*)/s, 2)
    const value = () => {
      const next = inline ?? argv[++index]
      if (!next) {
        throw new ConfigError(`${flag} needs a value\n${USAGE}`)
      }
      return next
    }
    if (flag === "--url") {
      options.url = value()
      if (!/^https?:\/\//.test(options.url)) {
        throw new ConfigError(`--url "${options.url}" is not an http(s) URL`)
      }
    } else if (flag === "--out") {
      options.out = path.resolve(value())
    } else if (flag === "--check") {
      options.check = true
    } else {
      throw new ConfigError(`unknown option ${argv[index]}\n${USAGE}`)
    }
  }
  return options
}

async function loadDocument(url: string | undefined): Promise<unknown> {
  if (!url) {
    return buildOpenApiDocument(contractRoutes, { title: "Commerce engine API", version: "0" })
  }
  const response = await fetch(url)
  if (!response.ok) {
    throw new ConfigError(`GET ${url} answered ${response.status}`)
  }
  return response.json()
}

/** The first line where two texts differ, for a short message. */
function firstDifference(expected: string, actual: string): string {
  const a = expected.split("\n")
  const b = actual.split("\n")
  const line = a.findIndex((text, index) => text !== b[index])
  const at = line === -1 ? a.length : line
  return `line ${at + 1}: expected ${JSON.stringify(a[at] ?? "<end>")}, found ${JSON.stringify(b[at] ?? "<end>")}`
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2))
  const source = options.url ?? "the contract (src/api/contracts)"
  const types = await renderClientTypes(await loadDocument(options.url))
  const relative = path.relative(ROOT, options.out)
  if (options.check) {
    const committed = fs.existsSync(options.out) ? fs.readFileSync(options.out, "utf8") : ""
    if (committed !== types) {
      fail(SCOPE, `${relative} differs from ${source} (${firstDifference(types, committed)})`)
      fail(SCOPE, "run `npm run client:generate` and commit the result")
      return 1
    }
    info(SCOPE, `${relative} matches ${source}`)
    return 0
  }
  fs.writeFileSync(options.out, types)
  info(SCOPE, `wrote ${relative} from ${source}`)
  return 0
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    fail(SCOPE, describeFailure(error))
    process.exit(1)
  }
)
