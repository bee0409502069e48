runbook "lint" {
  step checkout = git.checkout { repo: "/srv/app", ref: "v1.2.0" }
    confirm "Check out v1.2.0?"
  step ask = confirm { message: "Restore the file now?" }
  step put_back = file.restore { from: "/tmp/a.bak", to: "/tmp/a" }
  step list = pm2.list { }
}
