runbook "verifies" {
  step s = exec { argv: ["x"] }
  verify "plain" exists("/tmp/x")
  verify "polling" size(run.id) > 0 within 1m
  verify "probe" http.get { url: "http://127.0.0.1:8080/health" } expect it.status == 200 within 30s every 2s
  verify "probe, long" http.get { url: "http://127.0.0.1:8080/some/very/long/path/that/does/not/fit/on/one/line/at/all" }
    expect it.status == 200 # trailing on expect
  verify "call probe" call "check.rb" { deep: true } expect it.ok
}
