# a call of a file that does not exist
# expect-error: RB0140 4:17
runbook "t" {
  step c = call "lib/no-such-runbook.rb" { target: "v1" }
}
