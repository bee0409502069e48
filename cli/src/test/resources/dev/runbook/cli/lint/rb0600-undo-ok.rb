runbook "lint" {
  step remove = pm2.delete { name: "api" }
    confirm "Delete api from pm2?"
    undo pm2.start { name: "api" }
  parallel {
    step tag = git.tag { repo: "/srv/app", name: "before" }
    step other = pm2.list { }
  }
  step remove_later = pm2.delete { name: "worker" }
    confirm "Delete worker?"
}
