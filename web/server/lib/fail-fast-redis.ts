// One Redis connection for the stores that have a fallback (the rate limits count in memory, the
// cache reads the database): commands fail fast instead of queueing while Redis is away, so the
// caller falls back at once, and the connection comes back by itself when Redis does.
import Redis from 'ioredis'

export interface FailFastRedis {
  redis: Redis
  /** resolves once connected (connecting on first use or after a drop); rejects while Redis is away */
  ready(): Promise<void>
}

export function createFailFastRedis(url: string, commandTimeoutMs = 200): FailFastRedis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    commandTimeout: commandTimeoutMs,
    connectTimeout: 1000,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
  })
  // errors surface on the commands; an unhandled 'error' event would crash the process
  redis.on('error', () => {})
  let connecting: Promise<void> | null = null
  const ready = () => {
    if (redis.status === 'ready') return Promise.resolve()
    if (redis.status === 'wait' || redis.status === 'end') connecting ??= redis.connect().finally(() => (connecting = null))
    return connecting ?? Promise.reject(new Error(`redis is ${redis.status}`))
  }
  return { redis, ready }
}
