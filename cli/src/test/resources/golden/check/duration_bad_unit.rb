# a duration with a unit that does not exist
# expect-error: RB0001 5:14
runbook "t" {
  step a = exec { argv: ["true"] }
    timeout 5d
}
