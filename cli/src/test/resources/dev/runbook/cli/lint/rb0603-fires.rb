runbook "lint" {
  step reload = pm2.reload { name: "api" }
  # expect-warning: RB0603 2:8
  step look = http.get { url: "http://127.0.0.1:3001/health" }
  step ngx = nginx.reload { }
  # expect-warning: RB0603 5:8
}
