runbook "wrong" {
  step s = notify { message: [] }
}
