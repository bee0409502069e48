runbook "wrong" {
  step s = wait { duration: true }
}
