runbook "lint" {
  step checkout = git.checkout { repo: "/srv/app", ref: "v1.2.0" }
  # expect-warning: RB0601 2:8
  finally {
    step put_back = file.restore { from: "/tmp/a.bak", to: "/tmp/a" }
  }
  # expect-warning: RB0601 5:10
}
