# a destructive step with no backup before it and no undo
runbook "lint" {
  step stop = pm2.stop { name: "api" }
  step remove = pm2.delete { name: "api" }
    confirm "Delete api from pm2?"
  # expect-warning: RB0600 4:8
  # expect-warning: RB0600 8:8
  step reset = test.reset { from: "/backups/latest", drop: true }
    confirm "Drop everything?"
}
