runbook "trailing" {
  description "d"  # on the description
  param a: int = 1 # on a param
  lock "l" # on the lock
  require "msg": a > 0 # on a require
  step one = exec { argv: ["true"] } # on a step
    when a > 0 # on when
    timeout 5s # on timeout
    undo exec { argv: ["undo"] } # on undo
    on_failure stop # on on_failure
}
