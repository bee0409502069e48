# expect-error: RB0001 4:15
runbook "durations" {
  step a = exec { argv: ["true"] }
    timeout 30x
}
