# Seed: "Rollback Verification Checklist" and "Post-Rollback Actions" 1-2 (rollback-procedures.md).
# Proves each item the checklist names, one step per item, each showing its evidence under it:
# health and API endpoints, every pm2 process online and not restarting, memory per process under a
# limit, no spike of error lines in the pm2 logs since the rollback, the database reachable from the app,
# response times under max_latency, a vector search answering, and rate limiting still active.
# Called at the end of each rollback runbook; runnable on its own. It only reads, except the burst that
# proves the rate limit (it uses up a few seconds of the caller's request budget).
runbook "verify-system" {
  description "Prove the seed's verification checklist, each item with its evidence (seed: Rollback Verification Checklist)"

  param app_url: string = "http://localhost:3001" "the application's base URL"
  param health_url: string = app_url + "/health" "Health endpoint responds (200 OK)"
  param status_url: string = app_url + "/api/status" "API endpoints respond correctly"
  param db_url: string = status_url "an app endpoint whose JSON reports the database connection"
  param db_field: string = "db" "the dotted path of that report in db_url's JSON"
  param db_ok: string = "connected" "the value that means the app reaches its database"
  param mongo_uri: secret = env("MONGODB_URI", "") "the app's MongoDB URI: when given, it is pinged too"
  param vector_search_url: string = app_url + "/api/vector/search" "Vector search functions: POST {query, limit}, answers {results: [...]}"
  param vector_query: string = "rollback verification" "the search text"
  param rate_limit_url: string = app_url + "/api/auth/login" "a rate-limited endpoint: a burst must get 429"
  param burst: int = 30 "how many requests the rate-limit burst sends at once"
  param max_latency: duration = 500ms "Response times normal: the slowest acceptable answer"
  param max_memory_mb: int = 512 "Memory usage normal: the most one pm2 process may use, in MiB"
  param max_error_lines: int = 0 "No error spikes in logs: how many error lines are tolerated since `since`"
  param since: string = "" "count error lines logged at or after this time (ISO-8601), e.g. when the rollback began; empty: the last lines of each log"
  param window: duration = 5s "how long to watch the pm2 processes for restarts"
  param only: string = "" "the pm2 apps to check, comma-separated; empty: every process pm2 runs"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"

  lock "verify-system:${app_url}"

  # Application Health
  step health = http.check { url: health_url, status: 200 }
    retry 5 delay 2s

  step processes = pm2.health { only: only, window: window, pm2: pm2, pm2_home: pm2_home }

  step memory = pm2.health {
    only: only,
    max_memory_mb: max_memory_mb,
    window: 0s,
    pm2: pm2,
    pm2_home: pm2_home
  }

  step log_errors = pm2.errors {
    only: only,
    since: since,
    max: max_error_lines,
    pm2: pm2,
    pm2_home: pm2_home
  }

  step database = http.check { url: db_url, json_path: db_field, equals: db_ok }

  step database_ping = mongo.ping { uri: mongo_uri }
    when mongo_uri != ""

  # Functionality Tests
  step api = http.check { url: status_url, status: 200 }

  step vector_search = http.post {
    url: vector_search_url,
    json: {query: vector_query, limit: 1},
    expect_status: 200
  }
    verify has(it.json, "results") && size(it.json.results) > 0

  # Performance Checks
  step latency = http.check { url: status_url, status: 200, max_latency: max_latency }

  step rate_limit = http.burst { url: rate_limit_url, count: burst }
    verify it.limited > 0
}
