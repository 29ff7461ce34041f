/**
 * The layer rules of docs/ARCHITECTURE.md, checked by `npm run lint` (dependency-cruiser).
 * Each folder of src/ holds one kind of code and may import only the layers below it:
 *
 *   api (routes, contracts, api/utils, api/<area>/helpers)      subscribers, jobs, scripts
 *        │                                                           │
 *        ├──────────────► tasks (batch runs of workflows) ◄──────────┤
 *        ▼                    ▼                                      ▼
 *   workflows (workflows and their steps) ◄──────────────────────────┘
 *        ▼
 *   queries (read-only views and access checks)
 *        ▼
 *   links ─► modules ─► config (settings) ─► utils (pure)
 *
 * Modules include the platform module (src/modules/platform): the process-wide Redis
 * connections, token revocations and the catalog cache, resolved from the container.
 *
 * Tests (`__tests__`, integration-tests) may import anything; nothing imports them.
 */
const TESTS = "(^|/)__tests__/|^integration-tests/|^bench/"

/** A rule that files under `from` import nothing under any of `to`. */
function layer(name, comment, from, to) {
  return {
    name,
    comment,
    severity: "error",
    from: { path: from, pathNot: TESTS },
    to: { path: to },
  }
}

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      comment: "An import cycle: two files that need each other belong together or need a third.",
      severity: "error",
      from: {},
      to: { circular: true },
    },
    {
      name: "no-tests-from-code",
      comment: "Code never imports tests, their fixtures or benchmarks.",
      severity: "error",
      from: { pathNot: TESTS },
      to: { path: TESTS },
    },
    layer(
      "utils-are-pure",
      "src/utils holds pure rules: it imports only other utils (and module types).",
      "^src/utils/",
      "^src/(api|workflows|queries|tasks|subscribers|jobs|scripts|links|config|admin)/"
    ),
    layer(
      "config-reads-settings-only",
      "src/config reads settings: it imports only utils.",
      "^src/config/",
      "^src/(api|workflows|queries|tasks|subscribers|jobs|scripts|links|modules|admin)/"
    ),
    {
      name: "modules-stand-alone",
      comment:
        "A module knows only its own folder, config and utils; cross-module relations are links.",
      severity: "error",
      from: { path: "^src/modules/([^/]+)/", pathNot: TESTS },
      to: { path: "^src/", pathNot: "^src/(modules/$1|config|utils)/" },
    },
    layer(
      "queries-are-read-only",
      "src/queries reads through modules and query.graph; it never runs a workflow.",
      "^src/queries/",
      "^src/(api|workflows|tasks|subscribers|jobs|scripts|admin)/"
    ),
    layer(
      "workflows-below-http",
      "Workflows and steps know nothing of HTTP, jobs, subscribers or tasks.",
      "^src/workflows/",
      "^src/(api|tasks|subscribers|jobs|scripts|admin)/"
    ),
    layer(
      "tasks-below-entry-points",
      "src/tasks runs workflows over many records; routes, jobs, subscribers and scripts call it.",
      "^src/tasks/",
      "^src/(api|subscribers|jobs|scripts|admin)/"
    ),
    layer(
      "entry-points-apart",
      "Subscribers, jobs and scripts are entry points: they share code through tasks, workflows and queries, not through HTTP code or each other.",
      "^src/(subscribers|jobs|scripts)/",
      "^src/(api|admin)/"
    ),
    layer(
      "server-not-from-admin",
      "Admin extensions run in the browser: they call the API over HTTP, never server code.",
      "^src/admin/",
      "^src/(api|workflows|queries|tasks|subscribers|jobs|scripts|links|modules|config)/"
    ),
    layer(
      "client-over-http-only",
      "The typed client (packages/) and the example storefront (examples/) talk to the engine over HTTP: no server code, no tooling.",
      "^(packages|examples)/",
      "^(src|scripts)/"
    ),
    layer(
      "client-not-from-example",
      "The typed client is a library: it never imports the example that uses it.",
      "^packages/",
      "^examples/"
    ),
    layer(
      "server-not-from-clients",
      "The engine never imports its clients (packages/, examples/).",
      "^src/",
      "^(packages|examples)/"
    ),
    layer(
      "server-not-from-scripts",
      "src/ never imports the repository's tooling (scripts/).",
      "^src/",
      "^scripts/"
    ),
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.medusa|coverage|dist)/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { extensions: [".ts", ".tsx", ".js", ".json"] },
  },
}
