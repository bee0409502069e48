runbook "clauses" {
  param n: int = 3
  step first = exec { argv: ["true"] }
  step all = exec { argv: ["true"] }
    on_failure undo
    undo exec { argv: ["undo"] }
    verify it.exitCode == 0
    verify size(it.stdout) > 0 within 10s every 1s
    retry n delay 2s backoff 1.5
    timeout 1m30s
    confirm "Run ${n} times?"
    needs first
    require "n is positive": n > 0
    require n < 10
    unless false
    when true
  step retry_only = exec { argv: ["x"] }
    retry 2
  step retry_backoff = exec { argv: ["x"] }
    retry 2 backoff 3
  step verify_within = exec { argv: ["x"] }
    verify it.ok within 5s
}
