# warnings only: an unused param and steps that never run; the check passes
# expect-warning: RB0500 6:9
# expect-warning: RB0501 9:10
# expect-warning: RB0501 11:12
runbook "t" {
  param unused: string = "x"
  param used: string = "y"
  step a = exec { argv: ["echo", used] }
    when false
  step b = exec { argv: ["true"] }
    unless true
  step c = exec { argv: ["true"] }
    when 1 == 1
}
# expect-output: warning[RB0501]: step `a` never runs: its `when` is always false
