# expect-error: RB0004 3:12
runbook "params" {
  param x: strin = "a"
}
