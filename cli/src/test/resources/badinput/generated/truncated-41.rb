# The quickstart: runs on any machine with Java and python3, no services needed.
# It backs up a config file, breaks it, restores it from the backup behind a confirm
# gate, proves the restored file over HTTP, and sends the seed's alert message.
runbook "quickstart" {
  description "Back up a config file, break it, restore it, check it over HTTP, notify"

  param workdir: path = "/tmp/runbook-quickstart" "where the demo files live"
  param port: int = 18765 "loopback port of the demo web server"
  param reason: string = "demo rollback" "why we roll back"

  lock "quickstart:${workdir}"

  step workspace = exec { argv: ["mkdir", "-p", workdir] }

  step prepare = file.write { path: "${workdir}/app.env", content: "VERSION=1\n" }

  step backup = file.backup { path: "${workdir}/app.env" }
    verify exists(it.backup)

  step change = file.write { path: "${workdir}/app.env", content: "VERSION=2-broken\n" }

  step restore = file.restore { from: steps.backup.backup, to: "${workdir}/app.env" }
    confirm "Restore ${workdir}/app.env from its backup?"
    verify read(workdir + "/app.env") == "VERSION=1\n"

  step server = shell {
    script: "cd '${workdir}' && { nohup python3 -m http.server ${port} --bind 127.0.0.1 >/dev/null 2>&1 & echo $!; }"
  }

  step health = http.check { url: "http://127.0.0.1:${port}/app.env", contains: "VERSION=1" }
    retry 20 delay 250ms

  step alert = notify {
    title: "ROLLBACK COMPLETE",
    message: "System: quickstart demo\nReason: ${reason}\nRollback Target: ${steps.backup.backup}\nStatus: restored file served again"
  }

  finally {
    step stop_server = exec { argv: ["kill", trim(steps.server.stdout)] }
      when has(steps, "server")
  }
