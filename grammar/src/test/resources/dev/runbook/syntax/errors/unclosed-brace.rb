# the '{' of the arguments is never closed: the next step is still read as a step
# expect-error: RB0007 4:17
runbook "braces" {
  step a = exec { argv: ["true"]

  step c = exec { argv: ["again"] }
  step d = exec { argv: ["again"] }
}
