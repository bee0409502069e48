runbook "odd" {
  step a = # between = and the type
    exec { argv: ["a"] }
    when # between when and its expression
      true
  step b = exec { argv: [
      "x", # inside a list
      "y"
    ] }
  step c = exec { argv: ["c"] }
    retry 3 # after attempts
      delay 2s
  param p: int = 1 +
    # inside an expression
    2
  finally {
    step f = exec { argv: ["f"] }
    # before the end of finally
  }
}
