runbook "params" {
  param s: string
  param i: int = 1 "an int"
  param b: bool = false
  param d: duration = 30s
  param p: path = "/tmp"
  param x: secret = env("X")
  param l: list = []
  param m: map = {}
  param e: enum("low", "high") = "low" "the level"
  param n: number = 1.5
  param f: number = 2.0
  param r: string "required, described"
}
