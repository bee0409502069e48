runbook "wrong" {
  step s = file.exists { path: 1 + "a" }
}
