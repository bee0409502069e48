# clause values of the wrong type
# expect-error: RB0126 11:8
# expect-error: RB0126 13:13
# expect-error: RB0126 14:11
# expect-error: RB0126 14:21
# expect-error: RB0126 14:31
# expect-error: RB0126 15:13
# expect-error: RB0126 17:25
# expect-error: RB0126 17:34
runbook "t" {
  lock ["a", "b"]
  step a = exec { argv: ["true"] }
    timeout 5
    retry "3" delay 2 backoff "fast"
    confirm ["really?"]
  step b = http.check { url: "http://127.0.0.1:1/" }
    verify it.ok within 10 every "2s"
}
