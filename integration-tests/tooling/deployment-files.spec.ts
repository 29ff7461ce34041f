import fs from "node:fs"
import path from "node:path"
import { parse } from "yaml"

// No Docker engine runs where the suite runs, so the deployment files are checked for the
// promises the docs make about them: versions, modes, health checks, start-up order.
const ROOT = path.resolve(__dirname, "../..")

type Service = {
  image?: string
  restart?: string
  build?: string
  command?: string[]
  environment?: Record<string, string>
  healthcheck?: { test?: string[]; disable?: boolean }
  depends_on?: Record<string, { condition: string }>
  volumes?: string[]
  ports?: string[]
  stop_grace_period?: string
}

const compose = parse(fs.readFileSync(path.join(ROOT, "docker-compose.yml"), "utf8"), {
  merge: true,
}) as { services: Record<string, Service>; volumes: Record<string, unknown> }
const { services } = compose
const SERVERS = ["server-1", "server-2"]
const ENGINE = [...SERVERS, "worker"]
/** Where the engine reads its settings (src/config, medusa-config.ts, jobs, start). */
const SETTING_SOURCES = [
  "medusa-config.ts",
  "scripts/start.ts",
  "scripts/lib/start-plan.ts",
  ...["src/config", "src/jobs"].flatMap((dir) =>
    fs
      .readdirSync(path.join(ROOT, dir))
      .filter((file) => file.endsWith(".ts"))
      .map((file) => `${dir}/${file}`)
  ),
]
/**
 * Read by the engine but set by the stack or meaningless in it: the DATABASE_* / REDIS_*
 * parts (the stack gives whole URLs), the cluster settings of one machine (each container
 * has its mode), fake-provider endpoints for tests, benchmark switches, and NODE_OPTIONS
 * (Node's own, read only to leave a young-generation size set there alone).
 */
const NOT_FOR_COMPOSE = new Set([
  "DATABASE_HOST",
  "DATABASE_PORT",
  "DATABASE_USER",
  "DATABASE_PASSWORD",
  "DATABASE_NAME",
  "DATABASE_SSLMODE",
  "REDIS_HOST",
  "REDIS_PORT",
  "REDIS_AUTH_TOKEN",
  "REDIS_TLS",
  "MEDUSA_WORKER_MODE",
  "DISABLE_MEDUSA_ADMIN",
  "CLUSTER_SIZE",
  "CLUSTER_WORKERS",
  "CLUSTER_WORKER_PORT",
  "CLUSTER_WORKER_NICE",
  "CLUSTER_WRITERS",
  "CLUSTER_WRITER_PORT",
  // Set by npm start on its front processes.
  "WRITE_LANE_URL",
  "CLOUDWATCH_METRICS",
  "SQL_STATEMENT_COUNTER",
  "STRIPE_API_URL",
  "GOOGLE_AUTH_URL",
  "GOOGLE_TOKEN_URL",
  "GOOGLE_CERTS_URL",
  "GITHUB_AUTHORIZE_URL",
  "GITHUB_TOKEN_URL",
  "GITHUB_API_URL",
  "NODE_OPTIONS",
])

function majorVersion(image: string | undefined): number {
  return Number(image?.match(/:(\d+)/)?.[1])
}

describe("docker-compose.yml", () => {
  it("runs PostgreSQL 16+ and Redis 7+ with health checks and persistent volumes", () => {
    expect(majorVersion(services.postgres.image)).toBeGreaterThanOrEqual(16)
    expect(majorVersion(services.redis.image)).toBeGreaterThanOrEqual(7)
    expect(services.postgres.healthcheck?.test?.join(" ")).toContain("pg_isready")
    expect(services.redis.healthcheck?.test?.join(" ")).toContain("ping")
    expect(services.postgres.volumes).toContain("pgdata:/var/lib/postgresql/data")
    expect(Object.keys(compose.volumes)).toEqual(expect.arrayContaining(["pgdata", "uploads"]))
  })

  it("migrates once, then starts two servers and a worker", () => {
    expect(services.migrate.command).toEqual(["npx", "medusa", "db:migrate"])
    expect(services.migrate.depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    })
    for (const name of ENGINE) {
      expect(services[name].build).toBe(".")
      expect(services[name].depends_on).toEqual({
        migrate: { condition: "service_completed_successfully" },
      })
      expect(services[name].environment).toMatchObject({
        NODE_ENV: "production",
        REDIS_URL: "redis://redis:6379",
        // Medusa uses TLS for any host but localhost unless the URL says otherwise, and
        // the postgres image has no TLS: without this the migration times out.
        DATABASE_URL: expect.stringMatching(/@postgres:5432\/medusa\?sslmode=disable$/),
      })
      // Longer than the start script's 30 s of graceful shutdown (scripts/lib/supervisor.ts).
      expect(services[name].stop_grace_period).toBe("40s")
      expect(services[name].restart).toBe("unless-stopped")
      // No engine container publishes a port: the proxy is the one way in.
      expect(services[name].ports).toBeUndefined()
    }
    for (const name of SERVERS) {
      expect(services[name].environment).toMatchObject({
        MEDUSA_WORKER_MODE: "server",
        CLUSTER_SIZE: "${CLUSTER_SIZE:-1}",
      })
      expect(services[name].healthcheck?.test?.join(" ")).toContain("localhost:9000/ready")
    }
    expect(services.worker.environment).toMatchObject({
      MEDUSA_WORKER_MODE: "worker",
      DISABLE_MEDUSA_ADMIN: "true",
      CLUSTER_SIZE: "1",
    })
    expect(services.worker.healthcheck?.test?.join(" ")).toContain("/health")
  })

  it("puts an nginx reverse proxy in front of both servers, started once they are ready", () => {
    const proxy = services.proxy
    expect(proxy.image).toMatch(/^nginx:\d/)
    expect(proxy.ports).toEqual(["${PORT:-9000}:80"])
    expect(proxy.restart).toBe("unless-stopped")
    expect(proxy.depends_on).toEqual(
      Object.fromEntries(SERVERS.map((name) => [name, { condition: "service_healthy" }]))
    )
    expect(proxy.healthcheck?.test?.join(" ")).toContain("/ready")
    const [source] = (proxy.volumes ?? [])[0].split(":")
    const conf = fs.readFileSync(path.join(ROOT, source), "utf8")
    for (const name of SERVERS) {
      expect(conf).toContain(`server ${name}:9000`)
    }
    expect(conf).toMatch(/proxy_set_header X-Forwarded-For/)
    expect(conf).toMatch(/proxy_set_header X-Forwarded-Proto/)
    expect(conf).toMatch(/proxy_next_upstream error timeout/)
  })

  it("passes every setting the engine reads through to its containers", () => {
    const read = new Set<string>()
    for (const file of SETTING_SOURCES) {
      const source = fs.readFileSync(path.join(ROOT, file), "utf8")
      for (const match of source.matchAll(/env(?:\.|\[["`])([A-Z][A-Z0-9_]+)/g)) {
        read.add(match[1])
      }
      for (const match of source.matchAll(/oauthClient\(env, "([A-Z]+)"\)/g)) {
        read.add(`${match[1]}_CLIENT_ID`).add(`${match[1]}_CLIENT_SECRET`)
      }
      for (const match of source.matchAll(/rule\(env, "([A-Z_]+)"/g)) {
        read.add(`${match[1]}_POINTS`).add(`${match[1]}_DURATION`)
      }
      // Settings read through a local helper (`read("LOGIN_FREE_FAILURES", 5)`).
      for (const match of source.matchAll(/read\("([A-Z][A-Z0-9_]+)"/g)) {
        read.add(match[1])
      }
    }
    const passed = new Set(Object.keys(services.worker.environment ?? {}))
    const missing = [...read].filter((name) => !passed.has(name) && !NOT_FOR_COMPOSE.has(name))
    expect(missing).toEqual([])
    expect(read.size).toBeGreaterThan(40)
  })

  it("keeps its state in named volumes", () => {
    expect(Object.keys(compose.volumes).sort()).toEqual(["pgdata", "redisdata", "uploads"])
    expect(services.redis.volumes).toEqual(["redisdata:/data"])
    for (const name of ENGINE) {
      expect(services[name].volumes).toEqual(["uploads:/app/static"])
    }
  })

  it("trusts forwarded addresses only from the stack's private network, the servers' one way in", () => {
    // Only the proxy publishes a port, so the one peer on the private network that sets
    // X-Forwarded-* is nginx (docs/SECURITY.md, "Trust settings").
    for (const name of ENGINE) {
      expect(services[name].environment?.TRUST_PROXY).toBe("${TRUST_PROXY:-uniquelocal}")
      expect(services[name].ports).toBeUndefined()
    }
  })

  it("refuses to start without the secrets", () => {
    for (const name of ENGINE) {
      expect(services[name].environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/)
      expect(services[name].environment?.COOKIE_SECRET).toMatch(/^\$\{COOKIE_SECRET:\?/)
    }
  })
})

describe("Dockerfile", () => {
  const dockerfile = fs.readFileSync(path.join(ROOT, "Dockerfile"), "utf8")

  it("builds in one stage and runs the compiled server as a non-root user in another", () => {
    expect(dockerfile.match(/^FROM node:20\S* AS \w+$/gm)).toHaveLength(2)
    expect(dockerfile).toMatch(/^RUN npx medusa build$/m)
    expect(dockerfile).toMatch(/COPY --from=build .*\/app\/\.medusa\/server \.\//)
    expect(dockerfile).toMatch(/npm ci --omit=dev/)
    expect(dockerfile).toMatch(/^USER node$/m)
    // The runtime's packages are installed as node: `medusa db:migrate` writes into them.
    const runtime = dockerfile.slice(dockerfile.lastIndexOf("FROM "))
    expect(runtime.indexOf("USER node")).toBeGreaterThan(0)
    expect(runtime.indexOf("USER node")).toBeLessThan(runtime.indexOf("npm ci --omit=dev"))
    expect(dockerfile).toMatch(/^HEALTHCHECK .*\n?.*\/health/m)
    // The start script (scripts/start.ts, compiled into .medusa/server by the build) runs
    // the processes in cluster mode; node as PID 1 receives the container's SIGTERM.
    expect(dockerfile).toMatch(/^CMD \["node", "scripts\/start\.js"\]$/m)
  })
})

describe("npm start", () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
    scripts: Record<string, string>
  }

  it("runs the compiled start script from the built server, as the image does", () => {
    expect(pkg.scripts.start).toBe(
      "cd .medusa/server && NODE_ENV=${NODE_ENV:-production} node scripts/start.js"
    )
    expect(fs.existsSync(path.join(ROOT, "scripts/start.ts"))).toBe(true)
  })
})
