runbook "x" {
  step a = wait { duration: 1s
