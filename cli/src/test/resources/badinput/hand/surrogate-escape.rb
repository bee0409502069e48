runbook "x" {
  step a = exec { argv: ["\uD800"] }
}
