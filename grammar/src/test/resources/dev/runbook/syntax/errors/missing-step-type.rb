# expect-error: RB0001 5:12
# expect-error: RB0001 5:18
# expect-error: RB0001 6:1
runbook "steps" {
  step a = { argv: ["true"] }
}
