runbook "wrong" {
  step s = exec { argv: ["true"], ok_codes: "0" }
}
