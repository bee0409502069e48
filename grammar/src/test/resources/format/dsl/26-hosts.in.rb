runbook "hosts" {
  param ref: string = "main"
  param rolling: int = 2  # the new keywords stay names
  step fetch = exec { argv: ["git", "fetch"] }
  # the rollout
  on web as deploy rolling [1,50%] max_failures 1 undo_all { # per host
    # first the code
    step checkout = exec { argv: ["git", "-C", host.vars.app_dir, "checkout", ref] }
        undo exec { argv: ["git", "-C", host.vars.app_dir, "checkout", "-"] }
    step reload = pm2.reload { ecosystem: host.vars.app_dir + "/ecosystem.config.js" } # reload
    verify "health" http.get { url: "http://" + host.address + ":8080/health" } expect it.status == 200 within 30s
    # before the end
  } # after the block
  on db rolling 25% {
    step ping = exec { argv: ["true"] }
  }
  on all as everyone {
    step uptime = exec { argv: ["uptime"] }
    verify "up" 1 == 1
  }
  step done = exec { argv: ["echo", steps.deploy.batches] }
  step as = exec { argv: ["echo", rolling], on: { undo_all: true, max_failures: 1 } }
}
