# expect-error: RB0001 4:27
# one mistake, one diagnostic: the rest of the step is skipped
runbook "chars" {
  step a = exec { argv: 1 @ 2 }
}
