# unknown functions, wrong arity, wrong argument types
# expect-error: RB0122 9:34
# expect-error: RB0122 10:34
# expect-error: RB0123 11:34
# expect-error: RB0123 12:34
# expect-error: RB0123 13:39
# expect-error: RB0123 14:17
runbook "t" {
  step a = exec { argv: ["echo", uper("x")] }
  step b = exec { argv: ["echo", frobnicate()] }
  step c = exec { argv: ["echo", lower()] }
  step d = exec { argv: ["echo", lower("a", "b")] }
  step e = exec { argv: ["echo", join("a,b", ",")] }
    when exists(42)
}
