# names that are no param
# expect-warning: RB0500 7:9
# expect-error: RB0121 8:34
# expect-error: RB0121 9:37
# expect-error: RB0121 10:10
runbook "t" {
  param target: string = "v1"
  step a = exec { argv: ["echo", targt] }
  step b = exec { argv: ["echo", "${undefined_thing}"] }
    when verbose
}
# expect-output: help: did you mean `target`?
