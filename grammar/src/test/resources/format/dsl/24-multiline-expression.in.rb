runbook "multiline" {
  require "complex":
    exists("/a") && # first part
    exists("/b")    # second part
  step s = exec { argv: ["x"] }
    when 1 <
      2 # end of when
    verify it.a == 1 &&
      it.b == 2
      within 5s
}
