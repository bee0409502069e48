runbook "lint" {
  step reload = pm2.restart { name: "api" }
  verify "health endpoint answers" http.get { url: "http://127.0.0.1:3001/health" }
    expect it.status == 200 within 30s every 2s
}
