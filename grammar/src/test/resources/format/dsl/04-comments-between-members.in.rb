runbook "between" {
  # about the description
  description "d"
  # about the params
  param a: int = 1
  // about b
  param b: string

  # about the lock
  lock "l"
  # about the require
  require a > 0

  # about step one
  step one = exec { argv: ["true"] }

  # about step two
  # (two lines)
  step two = exec { argv: ["false"] }
  # before the closing brace
}
