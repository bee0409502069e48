runbook "nested" {
  step s = http.post {
    url: "http://x",
    body: {a: [1, 2, 3], b: {c: {d: "e"}, "odd key": []}},
    headers: {}
  }

  step t = exec { argv: ["a", "b"], env: {X: [{y: 1}, {z: [true, false, null]}]} }
}
