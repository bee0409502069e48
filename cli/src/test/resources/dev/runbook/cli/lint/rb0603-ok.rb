runbook "lint" {
  step reload = pm2.reload { name: "api" }
  step health = http.check { url: "http://127.0.0.1:3001/health" }
  step ngx = nginx.reload { }
  step look = http.get { url: "http://127.0.0.1/" }
    verify it.status == 200
}
