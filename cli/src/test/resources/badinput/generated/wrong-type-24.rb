runbook "wrong" {
  step s = wait { duration: 1s }
    timeout 0s
}
