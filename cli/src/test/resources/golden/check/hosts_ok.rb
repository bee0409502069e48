# an `on` block: `host` inside it, the block's outputs after it, a verify from the runner as its gate
runbook "hosts" {
  param ref: string = "main"
  param health_port: int = 8080
  step fetch = exec { argv: ["git", "fetch"] }
  on web as deploy rolling [1, 50%] max_failures 10% undo_all {
    step checkout = exec { argv: ["git", "-C", host.vars.app_dir, "checkout", ref], cwd: "/srv" }
      undo exec { argv: ["git", "-C", host.vars.app_dir, "checkout", "-"] }
    step reload = pm2.reload { ecosystem: host.vars.app_dir + "/ecosystem.config.js" }
      needs checkout
    step check = exec { argv: ["echo", host.name, host.address, steps.fetch.stdout, steps.checkout.stdout] }
    verify "health" http.get { url: "http://" + host.address + ":${health_port}/health" } expect it.status == 200 within 30s
  }
  step report = notify { message: "done on ${steps.deploy.hosts}, failed ${steps.deploy.failed}" }
    needs deploy
  verify "all" 1 + steps.deploy.batches > 1
}
