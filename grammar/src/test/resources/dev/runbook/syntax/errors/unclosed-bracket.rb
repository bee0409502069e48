# one diagnostic at the '[' that is never closed, not one per token of the steps after it
# expect-error: RB0007 6:25
runbook "brackets" {
  step a = exec { argv: ["true"] }

  step b = exec { argv: ["echo", "x"

  step c = exec { argv: ["again"] }
  step d = exec { argv: ["again"] }
}
