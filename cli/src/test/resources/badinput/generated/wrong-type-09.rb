runbook "wrong" {
  step s = file.exists { path: {p: 1} }
}
