runbook "wrong" {
  step s = exec { argv: "true" }
}
