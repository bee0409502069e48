runbook "order" {
  description "described last"

  param p: string = "x"

  lock "l"

  step one = exec { argv: ["1"] }

  step two = exec { argv: ["2"] }

  verify "v" true

  finally {
    step f = exec { argv: ["f"] }
  }
}
