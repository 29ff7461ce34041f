import { Duration, RemovalPolicy, SecretValue } from "aws-cdk-lib"
import * as ec2 from "aws-cdk-lib/aws-ec2"
import * as elasticache from "aws-cdk-lib/aws-elasticache"
import * as rds from "aws-cdk-lib/aws-rds"
import * as secretsmanager from "aws-cdk-lib/aws-secretsmanager"
import { Construct } from "constructs"

export const DATABASE_NAME = "medusa"
export const REDIS_PORT = 6379

/**
 * PostgreSQL (RDS, Multi-AZ, encrypted, 14 days of automated backups and point-in-time
 * recovery) and Redis (ElastiCache, a primary and a replica in the other zone, TLS and an
 * AUTH token), both in the isolated subnets and reachable only from `clients`.
 */
export class DataStores extends Construct {
  readonly database: rds.DatabaseInstance
  readonly databaseSecret: secretsmanager.ISecret
  readonly redis: elasticache.CfnReplicationGroup
  readonly redisAuthToken: secretsmanager.Secret
  readonly clients: ec2.SecurityGroup

  constructor(scope: Construct, id: string, props: { vpc: ec2.IVpc }) {
    super(scope, id)
    const { vpc } = props
    const isolated = { subnetType: ec2.SubnetType.PRIVATE_ISOLATED }
    this.clients = new ec2.SecurityGroup(this, "Clients", {
      vpc,
      description: "Engine tasks: may reach PostgreSQL and Redis",
    })

    const databaseSg = new ec2.SecurityGroup(this, "DatabaseSg", {
      vpc,
      description: "PostgreSQL: from the engine tasks only",
      allowAllOutbound: false,
    })
    databaseSg.addIngressRule(this.clients, ec2.Port.tcp(5432), "engine tasks")

    const engine = rds.DatabaseInstanceEngine.postgres({
      version: rds.PostgresEngineVersion.VER_16_13,
    })
    // pg_trgm (catalog search) is a trusted extension on RDS: the catalog migration's
    // CREATE EXTENSION runs as the application user. Nothing to preload; the parameter
    // group only forces TLS and logs slow statements.
    const parameters = new rds.ParameterGroup(this, "Parameters", {
      engine,
      description: "commerce engine: TLS only, slow statement log",
      parameters: {
        "rds.force_ssl": "1",
        log_min_duration_statement: "1000",
      },
    })
    this.database = new rds.DatabaseInstance(this, "Postgres", {
      engine,
      vpc,
      vpcSubnets: isolated,
      securityGroups: [databaseSg],
      instanceType: ec2.InstanceType.of(ec2.InstanceClass.M7G, ec2.InstanceSize.LARGE),
      credentials: rds.Credentials.fromGeneratedSecret("engine"),
      databaseName: DATABASE_NAME,
      parameterGroup: parameters,
      multiAz: true,
      storageEncrypted: true,
      allocatedStorage: 50,
      maxAllocatedStorage: 500,
      storageType: rds.StorageType.GP3,
      backupRetention: Duration.days(14),
      preferredBackupWindow: "02:00-03:00",
      preferredMaintenanceWindow: "sun:03:30-sun:04:30",
      deletionProtection: true,
      removalPolicy: RemovalPolicy.SNAPSHOT,
      publiclyAccessible: false,
      enablePerformanceInsights: true,
      cloudwatchLogsExports: ["postgresql", "upgrade"],
      autoMinorVersionUpgrade: true,
    })
    this.databaseSecret = this.database.secret!

    const redisSg = new ec2.SecurityGroup(this, "RedisSg", {
      vpc,
      description: "Redis: from the engine tasks only",
      allowAllOutbound: false,
    })
    redisSg.addIngressRule(this.clients, ec2.Port.tcp(REDIS_PORT), "engine tasks")
    const subnets = new elasticache.CfnSubnetGroup(this, "RedisSubnets", {
      description: "commerce engine Redis: isolated subnets",
      subnetIds: vpc.selectSubnets(isolated).subnetIds,
    })
    // AUTH tokens may not contain @, ", / (ElastiCache's rule).
    this.redisAuthToken = new secretsmanager.Secret(this, "RedisAuthToken", {
      description: "ElastiCache AUTH token of the commerce engine",
      generateSecretString: { passwordLength: 64, excludePunctuation: true },
    })
    this.redis = new elasticache.CfnReplicationGroup(this, "Redis", {
      replicationGroupDescription: "commerce engine: event bus, workflows, locks, caches",
      engine: "redis",
      engineVersion: "7.1",
      cacheNodeType: "cache.t4g.medium",
      numCacheClusters: 2,
      automaticFailoverEnabled: true,
      multiAzEnabled: true,
      transitEncryptionEnabled: true,
      atRestEncryptionEnabled: true,
      authToken: SecretValue.secretsManager(this.redisAuthToken.secretArn).unsafeUnwrap(),
      port: REDIS_PORT,
      cacheSubnetGroupName: subnets.ref,
      securityGroupIds: [redisSg.securityGroupId],
      snapshotRetentionLimit: 1,
      // Queued events must not be evicted to make room for cache entries.
      cacheParameterGroupName: new elasticache.CfnParameterGroup(this, "RedisParameters", {
        cacheParameterGroupFamily: "redis7",
        description: "commerce engine: never evict (queues live here)",
        properties: { "maxmemory-policy": "noeviction" },
      }).ref,
    })
  }
}
