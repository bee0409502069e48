runbook "wrong" {
  step s = wait { duration: 10 }
}
