# a misspelt step type gets a suggestion
# expect-error: RB0100 4:12
runbook "t" {
  step a = http.chek { url: "http://127.0.0.1:1/" }
}
# expect-output: help: did you mean `http.check`?
