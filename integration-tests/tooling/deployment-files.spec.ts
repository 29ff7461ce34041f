import fs from "node:fs"
import path from "node:path"
import { parse } from "yaml"

// No Docker engine runs where the suite runs, so the deployment files are checked for the
// promises the docs make about them: versions, modes, health checks, start-up order.
const ROOT = path.resolve(__dirname, "../..")

type Service = {
  image?: string
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

  it("migrates once, then starts the engine as a server and as a worker", () => {
    expect(services.migrate.command).toEqual(["npx", "medusa", "db:migrate"])
    expect(services.migrate.depends_on).toEqual({
      postgres: { condition: "service_healthy" },
      redis: { condition: "service_healthy" },
    })
    for (const name of ["server", "worker"]) {
      expect(services[name].build).toBe(".")
      expect(services[name].depends_on).toEqual({
        migrate: { condition: "service_completed_successfully" },
      })
      expect(services[name].environment).toMatchObject({
        NODE_ENV: "production",
        REDIS_URL: "redis://redis:6379",
        DATABASE_URL: expect.stringContaining("@postgres:5432/medusa"),
      })
    }
    expect(services.server.environment?.MEDUSA_WORKER_MODE).toBe("server")
    // Cluster mode (scripts/start.ts): servers sized to the cores unless CLUSTER_SIZE says,
    // one worker process in its own service; both share state through Redis.
    expect(services.server.environment?.CLUSTER_SIZE).toBe("${CLUSTER_SIZE:-}")
    expect(services.worker.environment?.CLUSTER_SIZE).toBe("1")
    // Longer than the start script's 30 s of graceful shutdown (scripts/lib/supervisor.ts).
    for (const name of ["server", "worker"]) {
      expect(services[name].stop_grace_period).toBe("40s")
    }
    expect(services.server.ports).toEqual(["${PORT:-9000}:9000"])
    expect(services.worker.environment).toMatchObject({
      MEDUSA_WORKER_MODE: "worker",
      DISABLE_MEDUSA_ADMIN: "true",
    })
    expect(services.worker.ports).toBeUndefined()
  })

  it("trusts no proxy unless TRUST_PROXY names the balancer", () => {
    for (const name of ["server", "worker"]) {
      expect(services[name].environment?.TRUST_PROXY).toBe("${TRUST_PROXY:-false}")
    }
  })

  it("refuses to start without the secrets", () => {
    expect(services.server.environment?.JWT_SECRET).toMatch(/^\$\{JWT_SECRET:\?/)
    expect(services.server.environment?.COOKIE_SECRET).toMatch(/^\$\{COOKIE_SECRET:\?/)
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
