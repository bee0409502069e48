runbook "wrong" {
  step s = exec { argv: {a: 1} }
}
