# `needs` naming no step, or the step itself
# expect-error: RB0111 8:11
# expect-error: RB0111 10:11
# expect-error: RB0111 12:18
runbook "t" {
  step build = exec { argv: ["true"] }
  step deploy = exec { argv: ["true"] }
    needs biuld
  step self = exec { argv: ["true"] }
    needs self
  step other = exec { argv: ["true"] }
    needs build, nothing_like_it
}
