# expect-error: RB0001 5:1
runbook "braces" {
  step a = exec { argv: ["true"] }

