runbook "wrong" {
  step s = http.check { url: 1 }
}
