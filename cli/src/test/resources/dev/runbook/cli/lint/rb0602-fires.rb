runbook "lint" {
  step probe = file.exists { path: "/tmp/a" }
  step write = file.write { path: "/tmp/a", content: "x" }
  # expect-warning: RB0602 3:8
  step tell = notify { message: "done" }
}
