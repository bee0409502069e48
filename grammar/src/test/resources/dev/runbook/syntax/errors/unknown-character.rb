# expect-error: RB0001 4:27
# expect-error: RB0001 5:1
runbook "chars" {
  step a = exec { argv: 1 @ 2 }
}
