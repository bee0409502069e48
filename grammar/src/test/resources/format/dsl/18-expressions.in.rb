runbook "exprs" {
  param a: int = (1 + 2) * 3 - -4
  param b: bool = !(true && false) || (1 < 2 && 3 >= 4)
  param c: string = a > 1 ? "big" : ( a < 0 ? "neg" : "small" )
  param d: string = "quote \" backslash \\ tab \t dollar \${x} ${a + 1} end"
  param e: string = 'single ${upper("inner")} "double" \'s\''
  param f: list = [1, 2.5, 30s, 1h30m, 250ms, null, "s"]
  param g: bool = "a" in ["a", "b"] && matches(c, "^s.*$")
  param h: int = a % 2 + a / 2 * (a - 1)
  param i: string = "nested ${join([lower('A\"b'), 'c\'d'], ', ')} and ${a > 1 ? 'x' : 'y'}"
  step s = exec { argv: [string(a), steps.s.out[0], lower(c)], x: {k: it.x.y} }
    when (a + 1) * 2 > 3 && !exists("/tmp") || a == 1
}
