import type { Logger, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { readObservabilitySettings } from "../config/observability"
import { PLATFORM_MODULE } from "../modules/platform"
import type PlatformModuleService from "../modules/platform/service"

/** CloudWatch namespace and metric names; infra/lib/alarms.ts alarms on them. */
export const EVENT_QUEUE_NAMESPACE = "CommerceEngine"

/**
 * Publishes the event queue's depth and the age of its oldest event once a minute as a
 * CloudWatch Embedded Metric Format line on stdout: on ECS the awslogs driver ships it
 * and CloudWatch turns it into metrics (no AWS SDK, no credentials). Elsewhere it is one
 * JSON log line a minute. The job runs where jobs run (the worker); it does nothing
 * unless CLOUDWATCH_METRICS=true (src/config/observability.ts) and Redis is configured.
 */
export default async function reportEventQueue(container: MedusaContainer): Promise<void> {
  if (!readObservabilitySettings().cloudwatchMetrics) {
    return
  }
  const platform = container.resolve<PlatformModuleService>(PLATFORM_MODULE)
  let stats
  try {
    stats = await platform.eventQueueStats()
  } catch (error) {
    container
      .resolve<Logger>(ContainerRegistrationKeys.LOGGER)
      .warn(`event queue: depth not readable: ${(error as Error).message}`)
    return
  }
  if (!stats) {
    return
  }
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [
        {
          Namespace: EVENT_QUEUE_NAMESPACE,
          Dimensions: [[]],
          Metrics: [
            { Name: "EventQueueDepth", Unit: "Count" },
            { Name: "EventQueueOldestAgeSeconds", Unit: "Seconds" },
          ],
        },
      ],
    },
    EventQueueDepth: stats.depth,
    EventQueueOldestAgeSeconds: Math.round(stats.oldestAgeSeconds),
  }
  process.stdout.write(`${JSON.stringify(line)}\n`)
}

export const config = {
  name: "report-event-queue",
  schedule: "* * * * *",
}
