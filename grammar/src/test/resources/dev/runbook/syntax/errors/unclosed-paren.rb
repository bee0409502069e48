# expect-error: RB0007 5:10
runbook "parens" {
  step a = exec { argv: ["true"] }
    verify it.exit_code == 0
    when (1 == 1

  step c = exec { argv: ["again"] }
  step d = exec { argv: ["again"] }
}
