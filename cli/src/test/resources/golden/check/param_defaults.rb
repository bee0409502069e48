# defaults of the wrong type, a param declared twice
# expect-error: RB0131 8:22
# expect-error: RB0131 9:30
# expect-error: RB0131 10:23
# expect-error: RB0131 11:20
# expect-error: RB0130 12:9
runbook "t" {
  param count: int = "three"
  param wait_for: duration = 30
  param flags: list = "a,b"
  param on: bool = 1
  param count: int = 2
  step a = exec { argv: ["echo", string(count), string(wait_for), join(flags), string(on)] }
}
