# expect-error: RB0004 3:12
runbook "params" {
  param n: int("1", "2") = 1
}
