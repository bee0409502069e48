runbook "x" {
  step a = exec { argv: ["${ "${ "${x}" }" }"] }
}
