# a character that is no token
# expect-error: RB0001 4:36
runbook "t" {
  step a = exec { argv: ["true"] } @
}
