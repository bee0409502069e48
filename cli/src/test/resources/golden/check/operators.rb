# operators applied to the wrong types
# expect-error: RB0124 13:10
# expect-error: RB0124 15:10
# expect-error: RB0124 17:11
# expect-error: RB0124 19:10
# expect-error: RB0124 21:10
# expect-error: RB0124 23:10
# expect-error: RB0124 25:10
# expect-error: RB0124 27:17
# expect-error: RB0124 29:10
runbook "t" {
  step a = exec { argv: ["true"] }
    when 1 + true == 2
  step b = exec { argv: ["true"] }
    when "a" < [1]
  step c = exec { argv: ["true"] }
    when !1
  step d = exec { argv: ["true"] }
    when 1 in 5
  step e = exec { argv: ["true"] }
    when 1 && true
  step f = exec { argv: ["true"] }
    when "x" == 3
  step g = exec { argv: ["true"] }
    when -"x" == "y"
  step h = exec { argv: ["true"] }
    when [1, 2]["a"] == 1
  step i = exec { argv: ["true"] }
    when true.field
}
