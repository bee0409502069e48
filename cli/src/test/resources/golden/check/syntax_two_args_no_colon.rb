# an argument without its colon
# expect-error: RB0001 4:24
runbook "t" {
  step a = exec { argv ["true"] }
}
