runbook "order" {
  step one = exec { argv: ["1"] }
  lock "l"
  param p: string = "x"
  finally {
    step f = exec { argv: ["f"] }
  }
  verify "v" true
  description "described last"
  step two = exec { argv: ["2"] }
}
