# Seed: "Application Code Rollback", steps 1 to 5 (rollback-procedures.md).
# Tags the current HEAD as rollback-<timestamp>, quiets the health-check service, scales the app down
# (remembering how many instances it had), checks out the target, installs production dependencies,
# reloads every app of the ecosystem file (the workers too, as the seed's `pm2 reload ecosystem.config.js`),
# and proves the health endpoint. If anything after the checkout fails, the checkout is undone (back to the
# commit or branch it came from) and the previous code is installed and reloaded again (on_failure).
# Scaling back up (to the count found) and re-enabling the health checks always happen, last (finally):
# on a failure, only once the previous code runs again.
runbook "app-rollback" {
  description "Roll the application back to a commit or tag under pm2, with health checks (seed: Application Code Rollback)"

  param repo: path = "/srv/cryptique/backend" "the application's git working tree"
  param target: string "the commit, tag or branch to roll back to, e.g. v1.0.0"
  param app: string = "cryptique-backend" "the pm2 app name"
  param ecosystem: path = repo + "/ecosystem.config.js" "the pm2 ecosystem file"
  param app_url: string = "http://localhost:3001" "the application's base URL (verify-system.rb checks the endpoints below it)"
  param health_url: string = app_url + "/health" "must answer 200 once the rollback is live"
  param status_url: string = app_url + "/api/status" "a critical endpoint, must answer 200"
  param started: string = now() "when the rollback began: error lines logged before it are not counted"
  param max_latency: duration = 500ms "Response times normal: the slowest acceptable answer (verify-system.rb)"
  param max_memory_mb: int = 512 "Memory usage normal: the most one pm2 process may use, in MiB (verify-system.rb)"
  param instances: string = "previous" "how many instances of app to scale back up to: previous (the count `current` found before scaling down), max (one per CPU, the seed's `pm2 scale ... max`) or a number"
  param only: string = "" "narrow the pm2 reloads to these apps of the ecosystem file (comma-separated); empty: every app in it"
  param health_service: string = "cryptique-health-check" "the systemd unit that runs external health checks"
  param systemctl: string = "systemctl" "the systemctl binary"
  param pm2: string = "pm2" "the pm2 binary"
  param pm2_home: path = env("PM2_HOME", env("HOME", "/root") + "/.pm2") "PM2_HOME of the pm2 daemon"
  param npm: string = "npm" "the npm binary"
  param health_attempts: int = 15 "how many times to try the health endpoint after the reload (2s apart)"

  lock "app-rollback:${app}"
  require "the repository exists": exists(repo + "/.git")
  require "the ecosystem file exists": exists(ecosystem)

  # Step 1: identify the target version
  step recent = git.log { repo: repo, n: 10 }

  step tags = git.tags { repo: repo }

  step current = pm2.describe { name: app, pm2: pm2, pm2_home: pm2_home }

  # Step 2: prepare
  step snapshot = git.tag {
    repo: repo,
    name: "rollback-${now('yyyyMMdd_HHmmss')}",
    message: "state before rolling ${app} back to ${target}"
  }
    # the tag is the backup of the pre-rollback state: keep it even when the rollback is undone
    undo notify {
      title: "KEPT",
      message: "kept tag ${it.tag} at ${it.commit} (the state before the rollback)"
    }

  # started again by finally, after on_failure redeployed the previous code: never on the code being rolled away
  step quiet_health = service.stop { name: health_service, systemctl: systemctl }
    undo notify {
      title: "LATER",
      message: "${health_service} starts again once the previous code runs (finally)"
    }

  # scaled back up by finally, to the count `current` found, after on_failure redeployed the previous code (also
  # when this step itself was interrupted half-way and reported nothing)
  step scale_down = pm2.scale { name: app, instances: 1, pm2: pm2, pm2_home: pm2_home }
    undo notify {
      title: "LATER",
      message: "${app} goes back to ${steps.current.instances} instance(s) once the previous code runs (finally)"
    }

  # Step 3: execute
  step checkout = git.checkout { repo: repo, ref: target }
    confirm "Check out ${target} in ${repo} and reload ${app} from it?"
    undo git.checkout {
      repo: repo,
      ref: it.previous_branch != "" ? it.previous_branch : it.previous
    }

  step deps = npm.ci { dir: repo, production: true, npm: npm }
    timeout 10m

  step reload = pm2.reload {
    ecosystem: ecosystem,
    env: "production",
    only: only,
    pm2: pm2,
    pm2_home: pm2_home
  }

  step health = http.check { url: health_url, status: 200 }
    retry health_attempts delay 2s

  # Step 4: verify
  step online = pm2.describe { name: app, pm2: pm2, pm2_home: pm2_home }
    verify it.status == "online" within 30s every 2s

  step logs = pm2.logs { name: app, lines: 50, pm2: pm2, pm2_home: pm2_home }

  step api_status = http.check { url: status_url, status: 200 }
    retry 5 delay 1s

  # Step 4 and Post-Rollback Actions 1-2: every item of the verification checklist, with its evidence
  step checklist = call "verify-system.rb" {
    app_url: app_url,
    health_url: health_url,
    status_url: status_url,
    since: started,
    max_latency: max_latency,
    max_memory_mb: max_memory_mb,
    pm2: pm2,
    pm2_home: pm2_home
  }

  verify "health endpoint answers" http.check { url: health_url }
    expect it.status == 200 within 30s every 2s

  verify "status endpoint answers" http.check { url: status_url }
    expect it.status == 200 within 30s every 2s

  # What a failed rollback's undo must put back (runbook drill): the code, the app's processes, the endpoint.
  invariant {
    step code = git.head { repo: repo } compare commit, branch
    step app = pm2.describe { name: app, pm2: pm2, pm2_home: pm2_home } compare status, instances
    step answers = http.check { url: health_url } compare status
  }

  # Step 5: scale back up and re-enable the health checks, whatever happened (after on_failure's redeploy)
  finally {
    step scale_up = pm2.scale {
      name: app,
      instances: instances == "previous" ? string(steps.current.instances) : instances,
      pm2: pm2,
      pm2_home: pm2_home
    }
      when has(steps, "current")

    step resume_health = service.start { name: health_service, systemctl: systemctl }
      when has(steps, "quiet_health")
  }

  # A failed rollback: the checkout was undone; put the previous code's dependencies back and reload it.
  on_failure {
    step redeploy_deps = npm.ci { dir: repo, production: true, npm: npm }
      when has(steps, "checkout")

    step redeploy = pm2.reload {
      ecosystem: ecosystem,
      env: "production",
      only: only,
      pm2: pm2,
      pm2_home: pm2_home
    }
      when has(steps, "checkout")
  }
}
