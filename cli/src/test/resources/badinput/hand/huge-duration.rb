runbook "x" {
  step a = wait { duration: 99999999999999999999h }
}
