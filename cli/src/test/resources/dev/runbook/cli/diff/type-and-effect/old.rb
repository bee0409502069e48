runbook "svc" {
  description "a small service runbook"
  param app: string = "api"
  param port: int = 3001
  lock "svc:${app}"
  require "workdir exists": exists("/tmp")

  step stop = pm2.stop { name: app }
  step write = file.write { path: "/tmp/app.env", content: "V=1" }
    verify it.bytes > 0
  step restore = file.restore { from: "/tmp/app.env.bak", to: "/tmp/app.env" }
    confirm "Restore the env file?"
    undo file.write { path: "/tmp/app.env", content: "V=1" }
  step start = pm2.start { name: app }
    timeout 30s
  step health = http.check { url: "http://127.0.0.1:${port}/health" }
    retry 5 delay 2s

  verify "health endpoint answers" http.get { url: "http://127.0.0.1:${port}/health" }
    expect it.status == 200 within 30s every 2s

  finally {
    step tell = notify { message: "done with ${app}" }
  }
}
