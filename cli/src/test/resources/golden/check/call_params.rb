# a call with an unknown param, and one without a required param
# expect-error: RB0141 5:49
# expect-error: RB0142 6:17
runbook "t" {
  step c = call "lib/callee.rb" { target: "v1", mdoe: "slow" }
  step d = call "lib/callee.rb" { mode: "slow" }
}
