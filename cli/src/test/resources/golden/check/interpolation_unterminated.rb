# a ${ that is never closed
# expect-error: RB0002 4:41
runbook "t" {
  step a = exec { argv: ["echo", "hello ${name"] }
}
