runbook "minimal" {
  step a = exec { argv: ["true"] }
}
