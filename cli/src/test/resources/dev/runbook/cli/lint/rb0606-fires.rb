runbook "lint" {
  step poll = http.check { url: "http://127.0.0.1:3001/health" }
    retry 50 delay 1s
  # expect-warning: RB0606 3:5
  step hammer = http.check { url: "http://127.0.0.1:3001/health" }
    retry 3
  # expect-warning: RB0606 6:5
  step zero = http.check { url: "http://127.0.0.1:3001/health" }
    retry 3 delay 0s
  # expect-warning: RB0606 9:5
}
