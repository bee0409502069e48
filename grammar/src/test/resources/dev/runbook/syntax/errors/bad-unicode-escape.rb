# expect-error: RB0002 3:16
runbook "esc" {
  description "\u12g4 is short"
}
