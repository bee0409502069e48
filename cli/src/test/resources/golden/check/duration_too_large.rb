# a duration that overflows
# expect-error: RB0003 5:13
runbook "t" {
  step a = exec { argv: ["true"] }
    timeout 99999999999999999999h
}
