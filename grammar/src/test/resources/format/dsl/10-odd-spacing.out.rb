runbook "spacing" {
  description "d"

  param a: int = 1
  param b: string "no default"

  step one = exec { argv: ["x"] }
    when a > 1
    unless a == 2
    retry 2

  step two = exec
    needs one, two_b

  step two_b = exec
    on_failure continue
}
