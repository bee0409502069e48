# an empty ${}
# expect-error: RB0002 4:36
runbook "t" {
  step a = exec { argv: ["echo", "x${ }y"] }
}
