# the runbook block is never closed
# expect-error: RB0001 5:1
runbook "t" {
  step a = exec { argv: ["true"] }
