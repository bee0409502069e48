runbook "blocks" {
  parallel {
  }

  parallel {
    step x = exec { argv: ["x"] }

    step y = exec { argv: ["y"] }
  }

  step main = exec { argv: ["main"] }

  finally {
    step one = exec { argv: ["a"] }

    step two = exec { argv: ["b"] }
      when true
  }

  on_failure {  # alerting
    # page someone
    step alert = notify { message: "failed" }
    # before the end of on_failure
  }
}
