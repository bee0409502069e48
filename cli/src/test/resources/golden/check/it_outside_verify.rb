# `it` outside a verify
# expect-error: RB0125 6:11
# expect-error: RB0125 7:34
# expect-error: RB0125 8:10
runbook "t" {
  require it.ok
  step a = exec { argv: ["echo", it.stdout] }
    when it.exit_code == 0
  step b = exec { argv: ["true"] }
    verify it.exit_code == 0
}
