runbook "x" {
  step a = wait { duration: 1s }
    needs b
  step b = wait { duration: 1s }
    needs a
}
