# `it.x` naming an output the step does not have
# expect-error: RB0113 6:12
# expect-error: RB0113 9:12
runbook "t" {
  step a = exec { argv: ["true"] }
    verify it.stdot == ""
    undo exec { argv: ["echo", it.stdout] }
  verify "health" http.get { url: "http://127.0.0.1:1/" }
    expect it.satus == 200
}
