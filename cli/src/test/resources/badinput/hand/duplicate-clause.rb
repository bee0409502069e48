runbook "x" {
  step a = wait { duration: 1s }
    timeout 1s
    timeout 2s
}
