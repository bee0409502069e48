# expect-error: RB0001 5:12
# one mistake, one diagnostic: the parser goes on at the next statement, so
# the rest of the step is not reported again
runbook "steps" {
  step a = { argv: ["true"] }
}
