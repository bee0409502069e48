# step ids are unique across main, parallel and finally steps
# expect-error: RB0110 7:8
# expect-error: RB0110 10:10
# expect-error: RB0110 13:10
runbook "t" {
  step a = exec { argv: ["true"] }
  step a = exec { argv: ["false"] }
  parallel {
    step b = exec { argv: ["true"] }
    step b = exec { argv: ["true"] }
  }
  finally {
    step a = exec { argv: ["true"] }
  }
}
