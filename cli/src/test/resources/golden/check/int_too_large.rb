# an int that overflows
# expect-error: RB0003 5:11
runbook "t" {
  step a = exec { argv: ["true"] }
    retry 99999999999999999999
}
