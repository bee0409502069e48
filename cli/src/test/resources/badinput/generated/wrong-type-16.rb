runbook "wrong" {
  step s = exec { argv: ["true"], env: [1] }
}
