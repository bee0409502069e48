# require, when, unless, verify and expect must be bools
# expect-error: RB0120 10:25
# expect-error: RB0120 12:10
# expect-error: RB0120 13:12
# expect-error: RB0120 14:13
# expect-error: RB0120 15:12
# expect-error: RB0120 17:12
runbook "t" {
  param name: string = "x"
  require "name given": name
  step a = exec { argv: ["true"] }
    when 1
    unless "yes"
    require size(name)
    verify it.stdout
  verify "answers" http.get { url: "http://127.0.0.1:1/" }
    expect it.status
}
