# comments start with # or //
runbook "app-rollback" {
  description "Roll the app back to a tag (seed: Application Code Rollback)"

  param repo: path = "/srv/cryptique"          # types: string int bool duration path secret list map enum("a","b")
  param target: string                          # no default = required (--param target=v1)
  param app: string = "cryptique-backend" "the pm2 app name"   # optional description after the default

  lock "app:${app}"
  require "repository exists": exists(repo)

  step head = git.head { repo: repo }
  step tag = git.tag { repo: repo, name: "rollback-${now('yyyyMMdd_HHmmss')}" }
  step checkout = git.checkout { repo: repo, ref: target }
    confirm "Check out ${target} in ${repo}?"
    undo git.checkout { repo: repo, ref: steps.head.commit }     # explicit undo (else the type's default undo)
  step deps = npm.ci { dir: repo, production: true }
    timeout 5m
    retry 3 delay 5s backoff 2
  step reload = pm2.reload { ecosystem: "${repo}/ecosystem.config.js", env: "production" }
  step health = http.check { url: "http://127.0.0.1:3001/health" }
    verify it.status == 200 within 30s every 2s   # polls the step until true
  parallel {
    step a = exec { argv: ["true"] }
    step b = exec { argv: ["true"] }
  }
  step later = exec { argv: ["echo", steps.head.commit] }
    when app != ""            # skip if false
    unless false              # skip if true (already done)
    needs head                # explicit dependencies (default: the previous item)
    on_failure continue       # undo (default) | continue | stop

  verify "health endpoint answers" http.get { url: "http://127.0.0.1:3001/health" }
    expect it.status == 200 within 30s every 2s

  finally {
    step scale_up = pm2.scale { name: app, instances: 2 }
  }
  on_failure {
    step alert = notify { message: "rollback of ${app} failed" }
  }
}
