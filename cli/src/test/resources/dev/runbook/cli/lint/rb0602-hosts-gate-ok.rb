# the verifies of an `on` block are each host's health gate: they prove its steps
runbook "lint" {
  on web {
    step reload = pm2.reload { name: "api" }
    verify "up" http.get { url: "http://" + host.address + ":3001/health" } expect it.status == 200
  }
}
