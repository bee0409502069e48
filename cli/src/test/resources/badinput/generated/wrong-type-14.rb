runbook "wrong" {
  step s = exec { argv: 5 }
}
