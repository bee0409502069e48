runbook "wrong" {
  step s = wait { duration: null }
}
