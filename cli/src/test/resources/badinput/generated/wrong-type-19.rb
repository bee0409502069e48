runbook "wrong" {
  step s = exec { argv: ["true"], nope: 1 }
}
