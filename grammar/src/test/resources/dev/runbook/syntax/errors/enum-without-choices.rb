# expect-error: RB0004 3:16
runbook "params" {
  param level: enum = "low"
}
