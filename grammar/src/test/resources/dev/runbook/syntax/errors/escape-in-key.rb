# expect-error: RB0002 3:21
runbook "keys" {
  step a = exec { "a\zb": 1 }
}
