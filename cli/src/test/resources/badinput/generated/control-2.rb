runbook "x" {
  step a = wa[31mit { duration: 1s }
}
