runbook "lint" {
  param attempts: int = 30
  step poll = http.check { url: "http://127.0.0.1:3001/health" }
    retry 10 delay 2s backoff 2
  step soft = http.check { url: "http://127.0.0.1:3001/health" }
    retry attempts delay 1s
}
