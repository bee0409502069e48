runbook "keys" {
  step s = exec {
    step: 1,
    when: true,
    "odd key": 2,
    description: "x",
    on_failure: "k",
    "in": 3,
    "true": 4
  }

  step t = exec { description: "not the runbook's" }
    on_failure stop
}
