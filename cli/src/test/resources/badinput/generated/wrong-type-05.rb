runbook "wrong" {
  step s = wait { duration: {a: 1s} }
}
