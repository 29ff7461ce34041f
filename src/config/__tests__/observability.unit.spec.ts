import { readObservabilitySettings } from "../observability"

describe("readObservabilitySettings", () => {
  it("is off by default", () => {
    expect(readObservabilitySettings({})).toEqual({
      otlpEndpoint: undefined,
      serviceName: "commerce-engine",
      cloudwatchMetrics: false,
    })
    expect(readObservabilitySettings({ OTEL_EXPORTER_OTLP_ENDPOINT: "  " }).otlpEndpoint).toBe(
      undefined
    )
  })

  it("reads the collector, the service name and the CloudWatch switch", () => {
    expect(
      readObservabilitySettings({
        OTEL_EXPORTER_OTLP_ENDPOINT: "http://collector:4318/",
        OTEL_SERVICE_NAME: "shop-eu",
        CLOUDWATCH_METRICS: "true",
      })
    ).toEqual({
      otlpEndpoint: "http://collector:4318",
      serviceName: "shop-eu",
      cloudwatchMetrics: true,
    })
  })
})
