# expect-error: RB0007 3:26
runbook "strings" {
  step a = exec { argv: ["true] }

  step c = exec { argv: ["again"] }
  step d = exec { argv: ["again"] }
}
