# Seed: "Application Code Rollback", on every app host of an inventory, as a rolling update.
# The single-server runbook is app-rollback.rb; this one is for a backend that runs on several machines behind a
# load balancer. Each host checks out the target and reloads its pm2 apps; its own health endpoint (through its
# nginx) must then answer 200 from here, the way the load balancer sees it. One canary host goes first, then half
# of the hosts at a time. A host that fails its health check is put back on the commit it had and reloaded; the
# rollout then stops: the other hosts of that batch are put back too, later hosts are never touched, and hosts of
# earlier batches stay on the target (they passed their checks).
#
#   runbook plan runbooks/app-rollback-hosts.rb --inventory inventories/example.yaml -p target=v1.0.0
#
# Host vars replace params of the same name per host (repo, pm2_home, health_url, ...): see docs/hosts.md.
runbook "app-rollback-hosts" {
  description "Roll the application back on every app host, a canary first, each host gated by its health endpoint"

  param target: string "the commit, tag or branch to roll back to, e.g. v1.0.0"
  param repo: path = "/srv/cryptique/backend" "the application's git working tree on each host"
  param pm2: string = "pm2" "the pm2 binary on the hosts"
  param pm2_home: path = "/root/.pm2" "PM2_HOME of the pm2 daemon on each host"
  param health_url: string = "http://localhost/health" "each host's health endpoint as seen from here (a host var per host)"
  param install_deps: bool = true "run npm ci on each host after the checkout"
  param npm: string = "npm" "the npm binary on the hosts"

  on app as rollout rolling [1, 50%] {
    step previous = exec { argv: ["git", "-C", repo, "rev-parse", "HEAD"] }

    # undone by checking the previous commit out again and reloading it (the reload itself has nothing to undo)
    step checkout = exec { argv: ["git", "-C", repo, "checkout", "--quiet", target] }
      undo shell {
        script: "git -C \"$REPO\" checkout --quiet \"$PREVIOUS\" && if [ \"$DEPS\" = true ]; then (cd \"$REPO\" && \"$NPM\" ci --omit=dev --no-audit --no-fund); fi && \"$PM2\" reload \"$REPO/ecosystem.config.js\" --env production",
        env: {REPO: repo, PREVIOUS: trim(steps.previous.stdout), DEPS: string(install_deps), NPM: npm, PM2: pm2, PM2_HOME: pm2_home}
      }

    step deps = npm.ci { dir: repo, production: true, npm: npm }
      when install_deps
      timeout 10m

    step reload = pm2.reload {
      ecosystem: repo + "/ecosystem.config.js",
      env: "production",
      pm2: pm2,
      pm2_home: pm2_home
    }

    verify "health endpoint answers" http.check { url: health_url }
      expect it.status == 200 within 30s every 1s
  }
}
