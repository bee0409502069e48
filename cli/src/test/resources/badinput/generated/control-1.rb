runbook "x" {
  step a = wait { duration: 1s }
}
