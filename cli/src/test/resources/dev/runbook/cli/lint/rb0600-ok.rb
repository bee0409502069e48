# backed up before, or with an undo, or a type with a default undo, or no drop
runbook "lint" {
  step load = test.reset { from: "/backups/x", drop: false }
  step save = file.backup { path: "/etc/app.env" }
  step remove = pm2.delete { name: "api" }
    confirm "Delete api from pm2?"
  step restore = file.restore { from: "/tmp/app.env.bak", to: "/etc/app.env" }
    confirm "Restore?"
  step reset = test.reset { from: "/backups/latest", drop: true }
    confirm "Drop everything?"
}
