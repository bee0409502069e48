runbook "x" {
  step a = exec { argv: ["\q"] }
}
