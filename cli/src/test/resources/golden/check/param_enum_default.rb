# an enum default that is not one of the choices
# expect-error: RB0132 4:38
runbook "t" {
  param level: enum("low", "high") = "medium"
  step a = exec { argv: ["echo", level] }
}
