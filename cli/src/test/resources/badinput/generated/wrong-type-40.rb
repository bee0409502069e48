runbook "wrong" {
  step s = wait { duration: 1s }
    require "m": 1
}
