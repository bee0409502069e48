# expect-error: RB0003 4:11
runbook "ints" {
  step a = exec { argv: ["true"] }
    retry 99999999999999999999
}
