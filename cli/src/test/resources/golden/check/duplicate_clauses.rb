# clauses that may appear once, given twice
# expect-error: RB0005 11:3
# expect-error: RB0005 13:3
# expect-error: RB0005 16:5
# expect-error: RB0005 18:5
# expect-error: RB0005 20:5
# expect-error: RB0005 22:5
# expect-error: RB0005 24:5
runbook "t" {
  description "one"
  description "two"
  lock "a"
  lock "b"
  step a = exec { argv: ["true"] }
    when true
    when false
    timeout 5s
    timeout 10s
    retry 2
    retry 3
    confirm "go?"
    confirm "really?"
    on_failure continue
    on_failure stop
}
