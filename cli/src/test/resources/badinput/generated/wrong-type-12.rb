runbook "wrong" {
  step s = file.exists { path: !"a" }
}
