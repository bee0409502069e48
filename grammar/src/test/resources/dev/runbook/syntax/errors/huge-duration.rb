# expect-error: RB0003 4:13
runbook "durations" {
  step a = exec { argv: ["true"] }
    timeout 99999999999999999999h
}
