runbook "wrong" {
  step s = wait { duration: 1s }
    verify 1 + 1
}
