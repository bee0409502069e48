# an unknown param type
# expect-error: RB0004 4:16
runbook "t" {
  param count: integr = 3
  step a = exec { argv: ["echo", string(count)] }
}
