runbook "wrong" {
  step s = wait { duration: 1s }
    retry 3 delay 5
}
