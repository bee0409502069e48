# the runbook block is never closed: reported at its opening brace
# expect-error: RB0007 3:13
runbook "t" {
  step a = exec { argv: ["true"] }
