runbook "wrong" {
  step s = wait { duration: 1s }
    on_failure maybe
}
