/**
 * Bytes per catalog answer (docs/PERFORMANCE.md, "Bytes per catalog answer"): the same
 * answers identity, gzip and br encoded, full and with a sparse field set, and a
 * revalidation with If-None-Match. Against a running server with a seeded catalog
 * (bench/catalog-seed.ts):
 *
 *   BENCH_URL=http://localhost:9350 npx ts-node bench/catalog-bytes.ts
 *
 * Sizes are exact and repeatable (no timing): body bytes as sent on the wire, and the
 * response head (status line and headers) once per scenario. "Before" this change every
 * answer was the identity, full body; a 304 needed the client to send a tag it could
 * only get from Express's per-request hash.
 */
import http from "node:http"

const BASE = process.env.BENCH_URL ?? "http://localhost:9350"
/** What a product card in a phone's list shows. */
const CARD_FIELDS = "id,name,price,currency_code,in_stock,images"

type Sent = { status: number; body: number; head: number; etag?: string }

function get(path: string, headers: Record<string, string> = {}): Promise<Sent> {
  return new Promise((resolve, reject) => {
    http
      .get(new URL(path, BASE), { headers }, (response) => {
        let body = 0
        response.on("data", (chunk: Buffer) => (body += chunk.length))
        response.on("end", () => {
          const head =
            `HTTP/1.1 ${response.statusCode} ${response.statusMessage}\r\n`.length +
            // Each name and value, plus ": " after a name and CRLF after a value.
            response.rawHeaders.reduce((sum, part) => sum + part.length + 2, 0) +
            2
          resolve({
            status: response.statusCode ?? 0,
            body,
            head,
            etag: response.headers.etag,
          })
        })
      })
      .on("error", reject)
  })
}

async function firstProductId(): Promise<string> {
  const response = await fetch(`${BASE}/products?limit=1&fields=id`)
  const page = (await response.json()) as { items: { id: string }[] }
  if (!page.items[0]) {
    throw new Error("The catalog is empty: seed it with bench/catalog-seed.ts")
  }
  return page.items[0].id
}

async function main(): Promise<void> {
  const id = await firstProductId()
  const scenarios: [string, string][] = [
    ["list, 20 products", "/products?limit=20"],
    ["list, 20 products, card fields", `/products?limit=20&fields=${CARD_FIELDS}`],
    ["search, 20 matches + facets", "/products/search?q=mouse&limit=20"],
    ["search, card fields", `/products/search?q=mouse&limit=20&fields=${CARD_FIELDS}`],
    ["one product", `/products/${id}`],
    ["one product, price and stock", `/products/${id}?fields=price,currency_code,in_stock`],
  ]
  const rows: string[] = [
    "| answer | identity | gzip | br | 304 (If-None-Match) | response head |",
    "| --- | --- | --- | --- | --- | --- |",
  ]
  for (const [name, path] of scenarios) {
    const identity = await get(path)
    if (identity.status !== 200) {
      throw new Error(`${path} answered ${identity.status}`)
    }
    const gzip = await get(path, { "Accept-Encoding": "gzip" })
    const br = await get(path, { "Accept-Encoding": "br, gzip" })
    const revalidated = await get(path, {
      "Accept-Encoding": "br, gzip",
      "If-None-Match": identity.etag ?? "",
    })
    const percent = (bytes: number) => `${Math.round((100 * bytes) / identity.body)} %`
    rows.push(
      `| ${name} | ${identity.body} | ${gzip.body} (${percent(gzip.body)}) | ${br.body} (${percent(br.body)}) | ${revalidated.status}, ${revalidated.body} | ${identity.head} |`
    )
  }
  process.stdout.write(`${rows.join("\n")}\n`)
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack ?? error}\n`)
  process.exit(1)
})
