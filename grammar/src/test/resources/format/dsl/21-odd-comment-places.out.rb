runbook "odd" {
  # inside an expression
  param p: int = 1 + 2

  step a = exec {  # between = and the type
    argv: ["a"]
  }
    when true

  step b = exec {
    # inside a list
    argv: ["x", "y"]
  }

  step c = exec { argv: ["c"] }
    # after attempts
    retry 3 delay 2s

  finally {
    step f = exec { argv: ["f"] }
    # before the end of finally
  }

  # between when and its expression
}
