# unknown, missing, mistyped and duplicate arguments
# expect-error: RB0101 9:41
# expect-error: RB0102 10:18
# expect-error: RB0103 11:36
# expect-error: RB0104 12:42
# expect-error: RB0103 13:46
# expect-error: RB0103 14:36
runbook "t" {
  step unknown = exec { argv: ["true"], cdw: "/tmp" }
  step missing = file.write { path: "/tmp/x" }
  step mistyped = wait { duration: "5 seconds" }
  step twice = file.exists { path: "/a", path: "/b" }
  step list_for_string = file.exists { path: ["/a"] }
  step int_for_list = exec { argv: 3 }
}
