runbook "wrong" {
  step s = file.exists { path: 42 }
}
