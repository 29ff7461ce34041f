import type { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"

// Swagger UI from the swagger-ui-dist package, served by /docs/:asset (no CDN needed).
const PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Commerce engine API</title>
    <link rel="stylesheet" href="/docs/swagger-ui.css" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/docs/swagger-ui-bundle.js"></script>
    <script>
      window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui" })
    </script>
  </body>
</html>
`

export async function GET(_req: MedusaRequest, res: MedusaResponse): Promise<void> {
  res.status(200).type("html").send(PAGE)
}
