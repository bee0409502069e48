# every concept of the language, once
runbook "quickstart" {
  description "Back up a file, restore it, prove it"

  param target: string
  param dir: path = "/srv/app" "where the app lives"
  param greeting: string = "hello ${target}" "the greeting"
  param level: enum("low", "high") = "low"
  param retries: int = 3
  param wait: duration = 30s
  param ratio: number = 1.5
  param dry: bool = false
  param tags: list = ["a", "b", 3]
  param extra: map = {k: "v", n: 2}

  lock "app:${target}"
  require exists(dir)
  require "backup is readable": exists(dir + "/app.env")

  step backup = file.backup { path: "${dir}/app.env", keep: 3, dry: dry }
    when size(dir) > 0
    unless exists(dir + '/done')
    require "dir set": dir != ""
    verify it.status == 200 within 30s every 2s
    verify size(it.path) > 0
    retry 3 delay 2s backoff 2
    timeout 1h30m
    confirm "Restore ${dir}?"
    undo file.restore { path: "${dir}/app.env", from: steps.backup.path }
    on_failure continue
  parallel {
    step a = exec { argv: ["sleep", "1"] }
    step b = exec { argv: ["sleep", "1"], env: {A: "1", B: 2} }
      needs backup
  }
  step sub = call "incident-app.rb" { severity: "high", app: target }
    needs a, b
    retry 2
    on_failure stop
  step last = exec { argv: ["echo", steps.backup.path], timeout: 250ms, text: "30s" }
    undo notify
    on_failure undo

  verify "health endpoint answers" http.get { url: "http://127.0.0.1:8080/health" }
    expect it.status == 200 within 30s every 2s
  verify "file is there" exists(dir + "/app.env")

  finally {
    step scale_up = pm2.scale { name: target, instances: 2 }
  }
  on_failure {
    step alert = notify { message: "quickstart of ${target} failed" }
  }
}
