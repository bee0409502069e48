runbook "wrong" {
  step s = file.write { path: true }
}
