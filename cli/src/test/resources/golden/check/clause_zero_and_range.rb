# zero durations and retry counts out of range
# expect-error: RB0150 9:13
# expect-error: RB0150 10:11
# expect-error: RB0150 12:11
# expect-error: RB0150 14:25
# expect-error: RB0150 14:34
runbook "t" {
  step a = exec { argv: ["true"] }
    timeout 0s
    retry 0 delay 0s
  step b = exec { argv: ["true"] }
    retry 101
  step c = http.check { url: "http://127.0.0.1:1/" }
    verify it.ok within 0s every 0ms
}
