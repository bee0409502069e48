runbook "wrong" {
  step s = wait { duration: 1s }
    when -true
}
