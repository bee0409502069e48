# a runbook that calls itself
# expect-error: RB0143 4:17
runbook "t" {
  step c = call "call_itself.rb"
}
