# expect-warning: RB0602 4:10
runbook "lint" {
  on web {
    step reload = pm2.reload { name: "api" }
  }
}
