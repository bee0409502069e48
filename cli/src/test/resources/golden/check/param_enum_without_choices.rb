# enum without choices, choices on a non-enum
# expect-error: RB0004 5:16
# expect-error: RB0004 6:15
runbook "t" {
  param level: enum
  param name: string("a", "b")
  step a = exec { argv: ["echo", level, name] }
}
