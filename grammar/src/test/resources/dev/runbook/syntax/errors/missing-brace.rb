# expect-error: RB0007 2:18
runbook "braces" {
  step a = exec { argv: ["true"] }

