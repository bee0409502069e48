runbook "callee" {
  param target: string
  param mode: string = "fast"
  step a = exec { argv: ["echo", target, mode] }
}
