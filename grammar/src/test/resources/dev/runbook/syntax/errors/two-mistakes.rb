# two mistakes in two steps: two diagnostics, the parser goes on at the next step
# expect-error: RB0007 5:25
# expect-error: RB0001 8:12
runbook "two" {
  step b = exec { argv: ["echo", "x"
  step c = exec { argv: ["again"] }
  step d = exec { argv: ["again"] }
    when 1 = 1
  step e = exec { argv: ["again"] }
}
