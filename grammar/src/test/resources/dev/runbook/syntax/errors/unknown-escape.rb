# expect-error: RB0002 3:18
runbook "esc" {
  description "a \q b"
}
