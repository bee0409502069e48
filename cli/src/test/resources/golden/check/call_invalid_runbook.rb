# a call of a runbook that has errors
# expect-error: RB0140 4:17
runbook "t" {
  step c = call "lib/broken.rb" { target: "v1" }
}
