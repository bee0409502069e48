# the '}' closes the block, so the '[' inside it is the one left open
# expect-error: RB0007 5:11
runbook "brackets" {
  step b = exec {
    argv: ["echo", "x"
  }
  step c = exec { argv: ["again"] }
}
